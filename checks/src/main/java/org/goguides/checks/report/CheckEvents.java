package org.goguides.checks.report;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Problem;
import org.goguides.checks.model.SourcePos;
import org.goguides.checks.results.HostRun;

/**
 * What a run of {@code check} (or {@code lint}) tells a CI system, once the results are recorded:
 * authoring errors, translations that drifted apart, warnings about a step, and each host's results.
 * The plain console lines are printed elsewhere ({@code ConsoleReporter}); these are the
 * machine-readable forms of {@link OutputFormat}.
 */
public interface CheckEvents {
    /** Authoring errors: the run stops before any snippet runs. */
    void authoringErrors(List<Problem> problems);

    /** Translations whose steps no longer match: the run goes on. */
    void drift(List<Problem> problems);

    /** A warning about one step, e.g. that it used most of its timeout. */
    void warning(SourcePos where, String title, String message);

    /**
     * Where else each step stands: for {@code guide/locale/id}, the same step (same id and text) in the
     * guide's other translations, which share its result without running again. Called before
     * {@link #hostRun}; the GitHub reporter annotates those lines too.
     */
    default void twins(Map<String, List<SourcePos>> places) {
    }

    /** One host's recorded results (every step this run reported, reused ones included). */
    void hostRun(HostRun run);

    /** Called once at the end; writes what was collected (the job summary). */
    default void finish() throws IOException {
    }

    /** Reports nothing (plain text only). */
    CheckEvents NONE = new CheckEvents() {
        @Override
        public void authoringErrors(List<Problem> problems) {
        }

        @Override
        public void drift(List<Problem> problems) {
        }

        @Override
        public void warning(SourcePos where, String title, String message) {
        }

        @Override
        public void hostRun(HostRun run) {
        }
    };

    /** The events of {@code format}, printed on {@code out}; {@code env} gives GitHub's summary file and links. */
    static CheckEvents of(OutputFormat format, PrintStream out, Map<String, String> env) {
        return switch (format) {
            case TEXT -> NONE;
            case GITHUB -> new GithubReporter(out, env);
            case JSONL -> new JsonLinesReporter(out);
        };
    }
}
