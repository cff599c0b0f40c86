package org.goguides.checks.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Problem;
import org.goguides.checks.model.SourcePos;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;

/**
 * Under GitHub Actions: one annotation per failed or errored step and per authoring error
 * ({@code ::error}), per drifted translation and per step warning ({@code ::warning}), so GitHub shows
 * them on the lines of the pull request's diff; and a job summary, appended to the file
 * {@code GITHUB_STEP_SUMMARY} names (nothing is written when it names none).
 */
final class GithubReporter implements CheckEvents {
    private final PrintStream out;
    private final Map<String, String> env;
    private final StepSummary summary;
    private final StringBuilder markdown = new StringBuilder();
    private final List<Problem> drifted = new ArrayList<>();
    private final List<String[]> warnings = new ArrayList<>();
    private Map<String, List<SourcePos>> twins = Map.of();

    GithubReporter(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
        this.summary = new StepSummary(env);
    }

    @Override
    public void authoringErrors(List<Problem> problems) {
        for (Problem p : problems) out.println(WorkflowCommands.annotation("error", p.pos().path(), p.pos().line(), "authoring error", p.message()));
        markdown.append(summary.authoringErrors(problems));
    }

    @Override
    public void drift(List<Problem> problems) {
        if (problems.isEmpty()) return;
        for (Problem p : problems) {
            out.println(WorkflowCommands.annotation("warning", p.pos().path(), p.pos().line(), "translation drifted", p.message()));
        }
        drifted.addAll(problems);
    }

    @Override
    public void warning(SourcePos where, String title, String message) {
        out.println(WorkflowCommands.annotation("warning", where.path(), where.line(), title, message));
        warnings.add(new String[] {where.path(), Integer.toString(where.line()), title, message});
    }

    @Override
    public void twins(Map<String, List<SourcePos>> places) {
        this.twins = places;
    }

    @Override
    public void hostRun(HostRun run) {
        java.util.Set<String> printed = new java.util.HashSet<>(); // a step that ran in two translations is annotated once per line
        for (SnippetResult r : run.snippets()) {
            if (!r.status().failure()) continue;
            String message = r.reason() == null ? r.status().id() : r.reason();
            if (r.diff() != null && !r.diff().isBlank()) message += "\n" + r.diff().stripTrailing();
            String title = r.guide() + " › " + r.id() + " (" + run.host().key() + ")";
            List<SourcePos> places = new ArrayList<>(List.of(new SourcePos(r.source(), Math.max(1, r.line()))));
            places.addAll(twins.getOrDefault(r.guide() + "/" + r.locale() + "/" + r.id(), List.of()));
            for (SourcePos p : places) {
                if (printed.add(p + " " + title)) out.println(WorkflowCommands.annotation("error", p.path(), p.line(), title, message));
            }
        }
        markdown.append(summary.hostRun(run));
    }

    @Override
    public void finish() throws IOException {
        out.flush();
        if (!drifted.isEmpty()) markdown.append(summary.drift(drifted));
        if (!warnings.isEmpty()) markdown.append(summary.warnings(warnings));
        String file = env.get("GITHUB_STEP_SUMMARY");
        if (file == null || file.isBlank() || markdown.isEmpty()) return;
        Files.writeString(Path.of(file), markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
