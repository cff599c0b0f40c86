package org.goguides.checks.report;

import java.util.List;
import java.util.Map;

/**
 * The Markdown the site job writes to its job summary: what a change shows readers, per platform,
 * against the published site. When the published results could not be read it says so in one line
 * and compares with nothing published.
 */
public final class ComparisonSummary {
    private ComparisonSummary() {
    }

    /**
     * @param source where the published results came from (a URL or a file), or null if nowhere was named
     * @param unavailable why they could not be read, or null
     * @param previewUrl the deploy preview's address, or null
     */
    public static String render(ResultsComparison c, String source, String unavailable, String previewUrl, Map<String, String> env) {
        StringBuilder b = new StringBuilder("## What this change shows readers\n\n");
        if (source == null) {
            b.append("> [!WARNING]\n> No published results to compare with: ").append(Markdown.cell(unavailable))
                    .append(". Every step is compared with an empty published site.\n\n");
        } else if (unavailable != null) {
            b.append("> [!WARNING]\n> The published results could not be fetched from ").append(Markdown.cell(source)).append(": ")
                    .append(Markdown.cell(unavailable)).append(". Every step is compared with an empty published site.\n\n");
        } else {
            b.append("Compared with the published results (").append(Markdown.cell(source)).append(").\n\n");
        }
        if (previewUrl != null && !previewUrl.isBlank()) b.append("Deploy preview: ").append(previewUrl.strip()).append("\n\n");
        if (c.platforms().isEmpty()) return b.append("No results to compare.\n").toString();
        b.append("| platform | turns red | newly verified | waiting for a host | last run |\n|---|---:|---:|---:|---|\n");
        for (String p : c.platforms()) {
            b.append("| ").append(p).append(" | ").append(count(c.turnsRed(), p)).append(" | ").append(count(c.newlyVerified(), p))
                    .append(" | ").append(count(c.waiting(), p)).append(" | ").append(Markdown.cell(c.newestRun(p))).append(" |\n");
        }
        StepSummary links = new StepSummary(env);
        section(b, "Turns red", "A host of the platform fails the step's current text; none did before", c.turnsRed(), links, true);
        section(b, "Newly verified", "A host of the platform passes the step's current text; none did before", c.newlyVerified(), links, false);
        section(b, "Waiting for a host", "The text changed; the platform has results only for an older text, shown as stale",
                c.waiting(), links, false);
        return b.toString();
    }

    private static void section(StringBuilder b, String title, String meaning, List<ResultsComparison.Change> changes,
                                StepSummary links, boolean reasons) {
        if (changes.isEmpty()) return;
        b.append("\n### ").append(title).append("\n\n").append(meaning).append(".\n\n| platform | step | where |")
                .append(reasons ? " reason |\n|---|---|---|---|\n" : "\n|---|---|---|\n");
        for (ResultsComparison.Change ch : changes) {
            b.append("| ").append(ch.platform()).append(" | ").append(Markdown.cell(ch.guide() + " › " + ch.id())).append(" | ")
                    .append(links.link(ch.source(), ch.line())).append(" |");
            if (reasons) b.append(' ').append(Markdown.cell(ch.reason())).append(" |");
            b.append('\n');
        }
    }

    private static long count(List<ResultsComparison.Change> changes, String platform) {
        return changes.stream().filter(ch -> ch.platform().equals(platform)).count();
    }
}
