package org.goguides.checks.model;

import java.util.List;

/**
 * The YAML header of a guide.
 *
 * @param after the slug of the guide this one builds on ({@code after:}): its steps start from that guide's
 *              final state; empty when the guide starts from an empty {@code $HOME}
 * @param afterLine the file line of {@code after:} (for messages), 0 when there is none
 */
public record FrontMatter(String title, String summary, List<String> platforms, String after, int afterLine) {
    public FrontMatter {
        platforms = List.copyOf(platforms);
        after = after == null ? "" : after;
    }

    public FrontMatter(String title, String summary, List<String> platforms) {
        this(title, summary, platforms, "", 0);
    }
}
