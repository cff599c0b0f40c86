package org.goguides.site.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.goguides.checks.results.HostInfo;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;
import org.goguides.site.view.Verification.Seen;

/**
 * The rules of {@link Verification}, one table each. A host's results are written {@code status} for a
 * result of the snippet's current text and {@code status:old} for one of an earlier text, separated by
 * spaces; {@code -} is no result at all.
 */
class VerificationTest {
    static List<Seen> seen(String results) {
        List<Seen> out = new ArrayList<>();
        if (results.equals("-")) return out;
        for (String r : results.split(" ")) {
            boolean old = r.endsWith(":old");
            out.add(new Seen(Status.of(old ? r.substring(0, r.length() - 4) : r), !old));
        }
        return out;
    }

    @ParameterizedTest(name = "runnable={0}, results [{1}] → {2}")
    @CsvSource({
            // runnable, results,              readers see
            "true,  -,                         unverified",
            "true,  passed,                    passed",
            "true,  failed,                    failed",
            "true,  error,                     failed",
            "true,  skipped,                   unverified",
            "true,  passed failed,             failed",
            "true,  failed passed,             failed",
            "true,  passed error,              failed",
            "true,  passed skipped,            passed",
            "true,  passed:old,                stale",
            "true,  failed:old,                stale",
            "true,  error:old,                 stale",
            "true,  skipped:old,               unverified",
            "true,  failed:old passed,         passed",
            "true,  passed:old failed,         failed",
            "true,  skipped passed:old,        stale",
            "false, -,                         display",
            "false, passed:old,                display",
            "false, skipped,                   display",
            "false, passed,                    passed",
            "false, failed,                    failed",
    })
    void readerStatus(boolean runnable, String results, String expected) {
        assertEquals(ReaderStatus.of(expected), Verification.readerStatus(runnable, seen(results)));
    }

    @ParameterizedTest(name = "runnable={0}, results on the platform [{1}] → {2}")
    @CsvSource({
            "true,  -,                 unverified",
            "true,  passed,            passed",
            "true,  failed,            failed",
            "true,  error,             failed",
            "true,  skipped,           unverified",
            "true,  passed failed,     failed",
            "true,  passed:old,        stale",
            "true,  skipped:old,       stale",
            "true,  passed:old passed, passed",
            "true,  failed:old passed, passed",
            "false, passed,            display",
            "false, failed,            display",
            "false, -,                 display",
    })
    void platformStatus(boolean runnable, String results, String expected) {
        assertEquals(ReaderStatus.of(expected), Verification.platformStatus(runnable, seen(results)));
    }

    @ParameterizedTest(name = "{0} → badge {1}, explains a failure: {2}, shows its output: {3}")
    @CsvSource({
            "passed,      passed,  false, true",
            "failed,      failed,  true,  false",
            "error,       error,   true,  false",
            "skipped,     skipped, false, false",
            "passed:old,  stale,   false, false",
            "failed:old,  stale,   false, false",
            "error:old,   stale,   false, false",
            "skipped:old, stale,   false, false",
    })
    void oneHostsResult(String result, String badge, boolean explainsFailure, boolean showsOutput) {
        Seen r = seen(result).get(0);
        assertEquals(HostStatus.valueOf(badge.toUpperCase(java.util.Locale.ROOT)), Verification.hostStatus(r));
        assertEquals(explainsFailure, Verification.explainsFailure(r));
        assertEquals(showsOutput, Verification.showsOutput(r));
    }

    @ParameterizedTest(name = "badge {0} of a host on {1}, step for [{2}] → shown: {3}")
    @CsvSource({
            // a host that skipped a step not meant for its platform is left out; every other badge is shown
            "skipped, linux,  darwin,       false",
            "skipped, linux,  darwin linux, true",
            "skipped, linux,  linux,        true",
            "skipped, ,       darwin,       true",
            "passed,  linux,  darwin,       true",
            "failed,  linux,  darwin,       true",
            "error,   linux,  darwin,       true",
            "stale,   linux,  darwin,       true",
    })
    void badgeShown(String badge, String hostPlatform, String applies, boolean shown) {
        assertEquals(shown, Verification.badgeShown(HostStatus.valueOf(badge.toUpperCase(java.util.Locale.ROOT)), hostPlatform,
                List.of(applies.split(" "))));
    }

    @ParameterizedTest(name = "[{0}] and [{1}] of one host → {2}")
    @CsvSource({
            // the zh and en results of one snippet on one host: a failure is never hidden; the first wins a tie
            "passed,  failed,  b",
            "failed,  passed,  a",
            "passed,  error,   b",
            "error,   failed,  a",
            "skipped, passed,  b",
            "passed,  skipped, a",
            "skipped, failed,  b",
            "skipped, skipped, a",
            "passed,  passed,  a",
    })
    void preferredOfOneHost(String a, String b, String winner) {
        SnippetResult ra = result(Status.of(a));
        SnippetResult rb = result(Status.of(b));
        assertSame(winner.equals("a") ? ra : rb, Verification.preferred(ra, rb));
    }

    @ParameterizedTest(name = "runs finished {0} and {1} → {2}")
    @CsvSource({
            "2026-11-20T10:00:00Z, 2026-11-21T10:00:00Z, b",
            "2026-11-21T10:00:00Z, 2026-11-20T10:00:00Z, a",
            "2026-11-21T10:00:00Z, 2026-11-21T10:00:00Z, a",
    })
    void newerRunOfAHostWins(String a, String b, String winner) {
        HostRun ra = run(a);
        HostRun rb = run(b);
        assertSame(winner.equals("a") ? ra : rb, Verification.newer(ra, rb));
    }

    @ParameterizedTest(name = "verified {0}, built {1}, limit {2} → old: {3}")
    @CsvSource({
            "2026-11-01T00:00:00Z, 2026-11-30T00:00:00Z, P30D, false",
            "2026-10-31T00:00:00Z, 2026-11-30T00:00:00Z, P30D, false",
            "2026-10-30T23:59:59Z, 2026-11-30T00:00:00Z, P30D, true",
            "2026-11-29T00:00:00Z, 2026-11-30T00:00:00Z, P1D,  false",
            "2026-11-28T00:00:00Z, 2026-11-30T00:00:00Z, P1D,  true",
            "not a date,           2026-11-30T00:00:00Z, P1D,  false",
    })
    void old(String verified, String now, String maxAge, boolean old) {
        assertEquals(old, Verification.old(verified, Instant.parse(now), Duration.parse(maxAge)));
    }

    @ParameterizedTest(name = "kept runs [{0}] → flaky {1}/{2}")
    @CsvSource({
            // passed and failed in the kept runs: flaky, passed/runs; skips are no runs
            "-,                              0, 0",
            "passed passed,                  0, 0",
            "failed failed,                  0, 0",
            "passed failed,                  1, 2",
            "failed passed passed,           2, 3",
            "passed error,                   1, 2",
            "passed skipped failed skipped,  1, 2",
            "skipped skipped,                0, 0",
    })
    void flaky(String history, int passed, int runs) {
        List<Status> h = history.equals("-") ? List.of() : seen(history).stream().map(Seen::status).toList();
        assertEquals(runs == 0 ? java.util.Optional.empty() : java.util.Optional.of(new Verification.Flaky(passed, runs)),
                Verification.flaky(h));
    }

    @ParameterizedTest(name = "passed {0}, failed {1}, stale {2}, unverified {3}, display {4} → badge {5}/{7} verified, {6} failed")
    @CsvSource({
            // readers' status counts of one guide translation → what its badge counts (displayed blocks are no steps)
            "0, 0, 0, 0, 0, 0, 0, 0",
            "3, 0, 0, 0, 2, 3, 0, 3",
            "3, 1, 0, 0, 0, 3, 1, 4",
            "1, 0, 2, 1, 5, 1, 0, 4",
            "0, 0, 0, 0, 4, 0, 0, 0",
    })
    void guideTally(int passed, int failed, int stale, int unverified, int display, int tPassed, int tFailed, int tSteps) {
        Map<ReaderStatus, Integer> n = new EnumMap<>(ReaderStatus.class);
        n.put(ReaderStatus.PASSED, passed);
        n.put(ReaderStatus.FAILED, failed);
        n.put(ReaderStatus.STALE, stale);
        n.put(ReaderStatus.UNVERIFIED, unverified);
        n.put(ReaderStatus.DISPLAY, display);
        assertEquals(new Verification.Tally(tPassed, tFailed, tSteps), Verification.guideTally(n));
        List<Views.CountView> views = new ArrayList<>();
        n.forEach((st, c) -> views.add(new Views.CountView(st.id(), st.id(), c, "")));
        assertEquals(new Verification.Tally(tPassed, tFailed, tSteps), Verification.guideTally(views), "the same from a page's counts");
    }

    @ParameterizedTest(name = "one host's results [{0}] → overview {1} passed, {2} failed, {3} skipped, {4} stale")
    @CsvSource({
            "-,                                          0, 0, 0, 0",
            "passed passed failed,                       2, 1, 0, 0",
            "error skipped,                              0, 1, 1, 0",
            "passed:old failed:old skipped:old passed,   1, 0, 0, 3",
    })
    void overviewCell(String results, int passed, int failed, int skipped, int stale) {
        assertEquals(new Verification.HostCount(passed, failed, skipped, stale), Verification.hostCount(seen(results)));
    }

    @ParameterizedTest
    @EnumSource(ReaderStatus.class)
    void everyReaderStatusNamesItselfBackAndHasAnIcon(ReaderStatus s) {
        assertEquals(s, ReaderStatus.of(s.id()));
        assertEquals(false, s.icon().isBlank());
    }

    static SnippetResult result(Status s) {
        return new SnippetResult("g", "en", "s", "sh", "g.md", 3, "h", s, "", 0, 1, "", "");
    }

    static HostRun run(String finished) {
        return new HostRun(1, new HostInfo("h", "linux", "amd64", false, 0, "debian 12", "6.1", "go1.26.8", true), "none",
                finished, finished, List.of());
    }
}
