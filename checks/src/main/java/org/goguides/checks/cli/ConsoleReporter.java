package org.goguides.checks.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.goguides.checks.results.RepeatComparison;
import org.goguides.checks.results.TimeoutMargin;
import org.goguides.checks.report.TerminalText;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line per snippet as it finishes (with the reason for a skip and the whole report for
 * a failure) and counts the statuses for the summary line. Everything it prints passes through
 * {@link TerminalText#visible}: a guide cannot drive the terminal.
 */
final class ConsoleReporter implements TestExecutionListener {
    private final PrintStream out;
    final AtomicInteger passed = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();

    ConsoleReporter(PrintStream out) {
        this.out = out;
    }

    private static boolean snippet(TestIdentifier id) {
        return id.isTest() && id.getSource().filter(FileSource.class::isInstance).isPresent();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (snippet(id)) {
            skipped.incrementAndGet();
            print("SKIP ", id.getDisplayName() + " — " + reason);
        } else if (id.isContainer()) {
            print("SKIP ", id.getDisplayName() + " — " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!snippet(id)) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED && id.isContainer()) {
                errors.incrementAndGet();
                print("ERROR", id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
            }
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                passed.incrementAndGet();
                print("PASS ", id.getDisplayName());
            }
            case FAILED -> {
                Throwable t = result.getThrowable().orElse(null);
                boolean assertion = t instanceof AssertionError;
                (assertion ? failed : errors).incrementAndGet();
                print(assertion ? "FAIL " : "ERROR", id.getDisplayName());
                if (t != null) print("", indent(t.getMessage()));
            }
            case ABORTED -> {
                skipped.incrementAndGet();
                print("SKIP ", id.getDisplayName());
            }
        }
    }

    /** A step that used more than half of its timeout: a warning of its own, not a failure. */
    void slowStep(TimeoutMargin.SlowStep s) {
        print("WARN ", s.message());
    }

    /** A step that gave different answers in the runs of {@code check --repeat}: each answer with the runs that gave it. */
    void unstable(RepeatComparison.Unstable u) {
        StringBuilder b = new StringBuilder(u.guide() + " › " + u.id() + " (" + u.source() + ":" + u.line() + "): differed between runs");
        u.variants().forEach((r, runs) -> {
            b.append("\n      ").append(runs.size() == 1 ? "run " : "runs ")
                    .append(String.join(", ", runs.stream().map(String::valueOf).toList())).append(": ");
            if (r == null) {
                b.append("not run");
                return;
            }
            b.append(r.status().id()).append(r.reason().isEmpty() ? "" : ": " + r.reason());
            if (!r.output().isEmpty()) b.append("\n").append(indent(r.output().stripTrailing()).replace("\n", "\n  ").replaceFirst("^", "  "));
        });
        print("FLAKY", b.toString());
    }

    /** Prints one entry; its text comes from content (ids, paths, output), so control characters are made visible. */
    private synchronized void print(String tag, String text) {
        String safe = TerminalText.visible(text);
        out.println(tag.isEmpty() ? safe : tag + " " + safe);
        out.flush();
    }

    private static String indent(String s) {
        return s == null ? "" : "      " + s.replace("\n", "\n      ");
    }

    String summary() {
        return passed.get() + " passed, " + failed.get() + " failed, " + skipped.get() + " skipped, " + errors.get() + " errors";
    }
}
