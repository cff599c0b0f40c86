package org.goguides.checks.model;

import java.util.List;

/**
 * How a step runs beyond where it may run.
 *
 * @param shell the shell the step names with {@code shell=} ({@code bash}, {@code zsh} or {@code sh}), or null
 *     for the reader's default on the host (zsh for console steps on macOS, bash elsewhere)
 * @param after ids of earlier steps of the same guide file that this one builds on ({@code after=}): it runs
 *     only if each of them passed on this host, whatever session they ran in
 */
public record StepOptions(String shell, List<String> after) {
    /** The shells a step may name. */
    public static final List<String> SHELLS = List.of("bash", "zsh", "sh");

    public static final StepOptions NONE = new StepOptions(null, List.of());

    public StepOptions {
        after = List.copyOf(after);
    }
}
