package org.goguides.checks.cli;

import java.io.PrintStream;

import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import org.goguides.checks.engine.RunReport;

/**
 * Says at the start of a check which host this is and how snippets are isolated, as the engine of this
 * launch reports it ({@link RunReport}); remembers the host for the caller. One per launch.
 */
final class HostBanner implements TestExecutionListener {
    private final PrintStream out;
    private volatile RunReport.Host host;

    HostBanner(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        host = null;
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        RunReport.host(entry).ifPresent(h -> {
            if (host != null) return;
            host = h;
            out.println("host: " + h.key() + " — " + h.description() + (h.online() ? ", online" : ", offline"));
            String why = h.isolationDescription();
            out.println("isolation: " + h.isolation() + (why.equals(h.isolation()) ? "" : " — " + why));
        });
    }

    /** The key of the host this launch ran on; null when its engine never started (nothing ran). */
    String hostKey() {
        RunReport.Host h = host;
        return h == null ? null : h.key();
    }
}
