package org.goguides.checks.cli;

import java.io.PrintStream;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import org.goguides.checks.results.RunRegistry;

/** Says at the start of a check which host this is and how snippets are isolated. */
final class HostBanner implements TestExecutionListener {
    private final PrintStream out;
    private boolean shown;

    HostBanner(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionStarted(org.junit.platform.launcher.TestIdentifier id) {
        if (shown) return;
        RunRegistry.host().ifPresent(h -> {
            shown = true;
            out.println("host: " + h.key() + " — " + h.describe() + (h.online() ? ", online" : ", offline"));
            String name = RunRegistry.isolation();
            String why = RunRegistry.isolationDescription();
            out.println("isolation: " + name + (why.equals(name) ? "" : " — " + why));
        });
    }

    String hostKey() {
        return RunRegistry.host().map(h -> h.key()).orElse("<host>");
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        // nothing to add: the summary follows
    }
}
