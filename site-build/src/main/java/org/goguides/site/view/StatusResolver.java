package org.goguides.site.view;

import java.util.List;

import org.goguides.checks.model.Snippet;
import org.goguides.site.view.ResultIndex.HostResult;

/**
 * Decides the status readers see for a snippet from every host's result (contract §8): failed if a
 * current result failed or errored, else passed if one passed, else display for a {@code skip=} or
 * shown-only block, else stale if only results for other text exist, else unverified.
 */
public final class StatusResolver {
    private StatusResolver() {
    }

    public static ReaderStatus resolve(Snippet s, List<HostResult> results) {
        boolean passed = false;
        boolean stale = false;
        for (HostResult r : results) {
            String st = r.result().status();
            boolean current = r.result().hash().equals(s.hash());
            if (current && (st.equals("failed") || st.equals("error"))) return ReaderStatus.FAILED;
            if (current && st.equals("passed")) passed = true;
            if (!current && (st.equals("passed") || st.equals("failed") || st.equals("error"))) stale = true;
        }
        if (passed) return ReaderStatus.PASSED;
        if (s.skipReason() != null || !s.executable()) return ReaderStatus.DISPLAY;
        if (stale) return ReaderStatus.STALE;
        return ReaderStatus.UNVERIFIED;
    }

    /** Whether a result belongs to the snippet's text as it is now. */
    public static boolean current(Snippet s, HostResult r) {
        return r.result().hash().equals(s.hash());
    }
}
