package org.goguides.checks.model;

import java.util.List;

/**
 * The YAML header of a guide, with the keys static site generators share and their usual meanings.
 *
 * @param title the page title (required)
 * @param summary one or two sentences of Markdown shown under the title and in the guide list
 * @param platforms default platforms of snippets that name none
 * @param after the slug of the guide this one builds on ({@code after:}): its steps start from that guide's
 *              final state; empty when the guide starts from an empty {@code $HOME}
 * @param afterLine the file line of {@code after:} (for messages), 0 when there is none
 * @param description the meta description (plain text); the summary's text when empty
 * @param weight reading order: lower first, then by title; 0 when not given (sorts after weighted guides)
 * @param group the heading the guide is listed under in the sidebar and on the home page; "" for none
 * @param date when the guide was first published ({@code 2026-11-21}), "" when unknown
 * @param lastmod when it last changed; overrides the date git gives, "" when not given
 * @param draft drafts are checked but left out of the site
 * @param aliases old paths of the page ({@code /en/old-name/}) that redirect to it
 * @param tags topics, shown on the page
 */
public record FrontMatter(String title, String summary, List<String> platforms, String after, int afterLine, String description,
                          int weight, String group, String date, String lastmod, boolean draft, List<String> aliases, List<String> tags) {
    public FrontMatter {
        platforms = List.copyOf(platforms);
        after = after == null ? "" : after;
        aliases = List.copyOf(aliases);
        tags = List.copyOf(tags);
    }

    /** Just the three original keys, the others at their defaults. */
    public FrontMatter(String title, String summary, List<String> platforms) {
        this(title, summary, platforms, "", 0);
    }

    /** Without the site keys (description, weight, …), which take their defaults. */
    public FrontMatter(String title, String summary, List<String> platforms, String after, int afterLine) {
        this(title, summary, platforms, after, afterLine, "", 0, "", "", "", false, List.of(), List.of());
    }

    /** Whether the author gave an order; unweighted guides come after weighted ones. */
    public boolean weighted() {
        return weight != 0;
    }
}
