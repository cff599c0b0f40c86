package org.goguides.checks.model;

/** What the runner does with a fenced block. */
public enum SnippetKind {
    /** {@code sh}, {@code bash}, {@code shell}: a script run with {@code bash -e}. */
    SHELL,
    /** {@code console}: a transcript of commands, each with its expected output and exit code. */
    CONSOLE,
    /** {@code go run}: the block is a whole program. */
    GO_RUN,
    /** {@code file=}: the block's text is written into the session directory. */
    FILE,
    /** Shown to readers, never executed. */
    DISPLAY;

    public boolean executable() {
        return this != DISPLAY;
    }
}
