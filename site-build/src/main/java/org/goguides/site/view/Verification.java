package org.goguides.site.view;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.goguides.checks.model.Snippet;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * Every rule that turns the hosts' results into what a reader sees, in one place: which result of a
 * host counts, when a result is current, stale or too old, a snippet's status for readers and per
 * platform, which host badges a snippet shows, when a step is flaky, and how a guide's badge and the
 * verification overview count. {@link ResultIndex} merges the results files with these rules and
 * {@link ViewFactory} turns their answers into view records; neither decides a status itself.
 */
public final class Verification {
    private Verification() {
    }

    /**
     * One host's result for a snippet, as the rules see it.
     *
     * @param status what the run came to
     * @param current whether it ran the snippet's text as it is now (same hash)
     */
    public record Seen(Status status, boolean current) {
    }

    /** A host's result for a snippet as the rules see it. */
    public static Seen seen(Snippet s, SnippetResult r) {
        return new Seen(r.status(), current(s, r));
    }

    /** Whether a result belongs to the snippet's text as it is now. */
    public static boolean current(Snippet s, SnippetResult r) {
        return r.hash().equals(s.hash());
    }

    /** Whether the site runs a snippet at all: a {@code skip=} block or a shown-only block is only displayed. */
    public static boolean runnable(Snippet s) {
        return s.executable() && s.skipReason() == null;
    }

    // --- merging results files ---

    /** Of two results files of the same host, the one the site uses: the newer run (the first on a tie). */
    public static HostRun newer(HostRun a, HostRun b) {
        return a.finished().compareTo(b.finished()) >= 0 ? a : b;
    }

    /**
     * Of one host's two results for the same snippet (its zh and en runs), the one that counts: a failure
     * beats a pass beats a skip, so a failure seen in any translation is never hidden; the first on a tie.
     */
    public static SnippetResult preferred(SnippetResult a, SnippetResult b) {
        return rank(b.status()) > rank(a.status()) ? b : a;
    }

    static int rank(Status s) {
        return s.failure() ? 3 : s == Status.PASSED ? 2 : 1;
    }

    // --- one snippet ---

    /**
     * The status readers see for a snippet, from every host's result: failed if a current result failed or
     * errored, else passed if one passed, else display for a block the site does not run, else stale if a
     * host ran an earlier text of it, else unverified.
     *
     * @param runnable {@link #runnable(Snippet)}
     */
    public static ReaderStatus readerStatus(boolean runnable, List<Seen> results) {
        boolean passed = false;
        boolean stale = false;
        for (Seen r : results) {
            if (r.current() && r.status().failure()) return ReaderStatus.FAILED;
            if (r.current() && r.status() == Status.PASSED) passed = true;
            if (!r.current() && r.status().ran()) stale = true;
        }
        if (passed) return ReaderStatus.PASSED;
        if (!runnable) return ReaderStatus.DISPLAY;
        if (stale) return ReaderStatus.STALE;
        return ReaderStatus.UNVERIFIED;
    }

    /**
     * A snippet's status on one platform, from the results of that platform's hosts: display for a block
     * the site does not run; else failed if a current result failed, passed if one passed, stale if any
     * result is for an earlier text, else unverified.
     */
    public static ReaderStatus platformStatus(boolean runnable, List<Seen> onPlatform) {
        if (!runnable) return ReaderStatus.DISPLAY;
        boolean passed = false;
        boolean failed = false;
        boolean stale = false;
        for (Seen r : onPlatform) {
            if (!r.current()) stale = true;
            else if (r.status().failure()) failed = true;
            else if (r.status() == Status.PASSED) passed = true;
        }
        return failed ? ReaderStatus.FAILED : passed ? ReaderStatus.PASSED : stale ? ReaderStatus.STALE : ReaderStatus.UNVERIFIED;
    }

    /** What a host's badge on the snippet says: its result's status, or stale when it ran an earlier text. */
    public static HostStatus hostStatus(Seen r) {
        return r.current() ? HostStatus.of(r.status()) : HostStatus.STALE;
    }

    /**
     * Whether a snippet shows a host's badge: a host that skipped a step it could never run (a Mac-only
     * step on Linux) is no news to the reader, so it is left out rather than listed as "not run".
     *
     * @param hostPlatform the picker platform of the host, null when it is none of them
     * @param applies the platforms the snippet applies to
     */
    public static boolean badgeShown(HostStatus status, String hostPlatform, List<String> applies) {
        return !(status == HostStatus.SKIPPED && hostPlatform != null && !applies.contains(hostPlatform));
    }

    /** Whether a host's failure is the one the snippet explains (reason, diff, output): a failure of its current text. */
    public static boolean explainsFailure(Seen r) {
        return r.current() && r.status().failure();
    }

    /** Whether what a host printed is shown as the step's real output: it ran the current text and passed. */
    public static boolean showsOutput(Seen r) {
        return r.current() && r.status() == Status.PASSED;
    }

    /** Whether a result verified at {@code instant} (ISO-8601) is older than the build allows; an unreadable instant is not. */
    public static boolean old(String instant, Instant now, Duration maxAge) {
        try {
            return Instant.parse(instant).isBefore(now.minus(maxAge));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A flaky step on one host: it passed {@code passed} times out of {@code runs} kept runs of the same text. */
    public record Flaky(int passed, int runs) {
    }

    /**
     * Whether a step is flaky on a host: it both passed and failed (or errored) in the host's kept runs
     * of the same text; skips do not count as runs.
     *
     * @param history the step's statuses in the kept runs, oldest first
     */
    public static Optional<Flaky> flaky(List<Status> history) {
        int passed = 0;
        int failed = 0;
        for (Status s : history) {
            if (s == Status.PASSED) passed++;
            else if (s.failure()) failed++;
        }
        return passed > 0 && failed > 0 ? Optional.of(new Flaky(passed, passed + failed)) : Optional.empty();
    }

    // --- a guide and the overview ---

    /** What a guide's badge says: verified, failed and executed steps of one guide translation. */
    public record Tally(int passed, int failed, int steps) {
    }

    /** A guide's badge from its snippets' counts per readers' status: displayed blocks are not steps. */
    public static Tally guideTally(Map<ReaderStatus, Integer> perStatus) {
        int steps = 0;
        for (Map.Entry<ReaderStatus, Integer> e : perStatus.entrySet()) if (e.getKey() != ReaderStatus.DISPLAY) steps += e.getValue();
        return new Tally(perStatus.getOrDefault(ReaderStatus.PASSED, 0), perStatus.getOrDefault(ReaderStatus.FAILED, 0), steps);
    }

    /** {@link #guideTally(Map)} of a guide page's counts per readers' status. */
    public static Tally guideTally(List<Views.CountView> perStatus) {
        Map<ReaderStatus, Integer> n = new java.util.EnumMap<>(ReaderStatus.class);
        for (Views.CountView c : perStatus) n.merge(ReaderStatus.of(c.status()), c.count(), Integer::sum);
        return guideTally(n);
    }

    /** One cell of the verification overview: a guide's steps on one host. */
    public record HostCount(int passed, int failed, int skipped, int stale) {
    }

    /**
     * A guide's steps on one host, for the overview: a result for an earlier text is stale, else it
     * counts as passed, failed (failed or errored) or skipped.
     *
     * @param results the host's result of each executable step of the guide that it has one for
     */
    public static HostCount hostCount(List<Seen> results) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int stale = 0;
        for (Seen r : results) {
            if (!r.current()) stale++;
            else if (r.status() == Status.PASSED) passed++;
            else if (r.status().failure()) failed++;
            else skipped++;
        }
        return new HostCount(passed, failed, skipped, stale);
    }

    /** {@link #hostCount(List)} of a guide's executable snippets on one run of the merged results. */
    public static HostCount hostCount(List<Snippet> executable, HostRun run, ResultIndex results) {
        List<Seen> seen = new java.util.ArrayList<>();
        for (Snippet s : executable) {
            for (ResultIndex.HostResult r : results.forKey(s.key())) if (r.run() == run) seen.add(seen(s, r.result()));
        }
        return hostCount(seen);
    }
}
