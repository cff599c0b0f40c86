package org.goguides.checks.report;

import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Problem;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * The Markdown a host's {@code check} writes to GitHub's job summary ({@code GITHUB_STEP_SUMMARY}):
 * counts by status, then a table of the steps that failed or errored with their reason and a link
 * to the line, and each one's diff in a collapsed block. Links point at the commit the job checked
 * out when GitHub names it ({@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY}, {@code GITHUB_SHA}).
 */
final class StepSummary {
    private final Map<String, String> env;

    StepSummary(Map<String, String> env) {
        this.env = env;
    }

    String hostRun(HostRun run) {
        StringBuilder b = new StringBuilder();
        b.append("## check on `").append(run.host().key()).append("`\n\n");
        b.append("Isolation: ").append(Markdown.cell(run.isolation())).append(". Finished ").append(Markdown.cell(run.finished())).append(".\n\n");
        b.append("| passed | failed | error | skipped |\n|---:|---:|---:|---:|\n");
        b.append("| ").append(count(run, Status.PASSED)).append(" | ").append(count(run, Status.FAILED)).append(" | ")
                .append(count(run, Status.ERROR)).append(" | ").append(count(run, Status.SKIPPED)).append(" |\n");
        List<SnippetResult> bad = run.snippets().stream().filter(r -> r.status().failure()).toList();
        if (bad.isEmpty()) return b.append("\nNo step failed on this host.\n\n").toString();
        b.append("\n### Steps that failed\n\n| step | status | reason | where |\n|---|---|---|---|\n");
        for (SnippetResult r : bad) {
            b.append("| ").append(Markdown.cell(r.guide() + " › " + r.id())).append(" | ").append(r.status().id()).append(" | ")
                    .append(Markdown.cell(r.reason())).append(" | ").append(link(r.source(), r.line())).append(" |\n");
        }
        for (SnippetResult r : bad) {
            if (r.diff() == null || r.diff().isBlank()) continue;
            b.append("\n<details><summary>").append(Markdown.html(r.guide() + " › " + r.id()))
                    .append(": expected (-) and actual (+) output</summary>\n\n")
                    .append(Markdown.codeBlock("diff", capped(r.diff()))).append("\n</details>\n");
        }
        return b.append('\n').toString();
    }

    String authoringErrors(List<Problem> problems) {
        StringBuilder b = new StringBuilder("## check: ").append(problems.size())
                .append(problems.size() == 1 ? " authoring error" : " authoring errors")
                .append("\n\nNo step ran: fix these first (`lint` lists them too).\n\n| where | problem |\n|---|---|\n");
        for (Problem p : problems) b.append("| ").append(link(p.pos().path(), p.pos().line())).append(" | ").append(Markdown.cell(p.message())).append(" |\n");
        return b.append('\n').toString();
    }

    String drift(List<Problem> problems) {
        StringBuilder b = new StringBuilder("### Translations that drifted apart\n\n| where | difference |\n|---|---|\n");
        for (Problem p : problems) b.append("| ").append(link(p.pos().path(), p.pos().line())).append(" | ").append(Markdown.cell(p.message())).append(" |\n");
        return b.append('\n').toString();
    }

    String warnings(List<String[]> warnings) {
        StringBuilder b = new StringBuilder("### Warnings\n\n| where | step | warning |\n|---|---|---|\n");
        for (String[] w : warnings) {
            b.append("| ").append(link(w[0], Integer.parseInt(w[1]))).append(" | ").append(Markdown.cell(w[2])).append(" | ")
                    .append(Markdown.cell(w[3])).append(" |\n");
        }
        return b.append('\n').toString();
    }

    /** At most this many lines of a diff go into the summary (GitHub takes at most 1 MiB of summary per step). */
    static final int DIFF_LINES = 60;
    static final int DIFF_CHARS = 8_000;

    /** The diff, cut after {@value #DIFF_LINES} lines or {@value #DIFF_CHARS} characters with a line saying so. */
    static String capped(String diff) {
        List<String> lines = diff.stripTrailing().lines().toList();
        StringBuilder b = new StringBuilder();
        int kept = 0;
        for (String l : lines) {
            if (kept == DIFF_LINES || b.length() + l.length() > DIFF_CHARS) break;
            b.append(l).append('\n');
            kept++;
        }
        if (kept < lines.size()) b.append("… ").append(lines.size() - kept).append(" more lines in the results file\n");
        return b.toString();
    }

    /** {@code [path:line](…/blob/sha/path#Lline)}, or the plain {@code path:line} outside GitHub. */
    String link(String path, int line) {
        String label = Markdown.cell(path + ":" + line);
        String server = env.get("GITHUB_SERVER_URL");
        String repo = env.get("GITHUB_REPOSITORY");
        String sha = env.get("GITHUB_SHA");
        if (server == null || repo == null || sha == null || path.startsWith("/") || path.contains("..")) return label;
        String url = server + "/" + repo + "/blob/" + sha + "/" + path.replace(" ", "%20").replace("(", "%28").replace(")", "%29") + "#L" + line;
        return "[" + label + "](" + url + ")";
    }

    private static long count(HostRun run, Status status) {
        return run.snippets().stream().filter(r -> r.status() == status).count();
    }
}
