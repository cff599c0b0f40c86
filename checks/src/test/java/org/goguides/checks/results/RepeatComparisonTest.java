package org.goguides.checks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which differences between repeated runs make a step unstable. */
class RepeatComparisonTest {
    static SnippetResult r(String id, String status, String reason, String output) {
        return new SnippetResult("g", "en", id, "sh", "g/index.en.md", 3, "sha256:x", Status.of(status), reason, status.equals("passed") ? 0 : 1, 10, output, "");
    }

    @Test
    void aStatusThatChangesIsUnstableWithEachAnswerAndItsRuns() {
        var u = RepeatComparison.compare(List.of(
                List.of(r("a", "passed", "", "port 1"), r("b", "passed", "", "x")),
                List.of(r("a", "failed", "output differs (match=exact)", "grep: dap.log: No such file or directory\nport 2"), r("b", "passed", "", "x")),
                List.of(r("a", "passed", "", "port 3"), r("b", "passed", "", "x"))));
        assertEquals(1, u.size());
        assertEquals("a", u.get(0).id());
        var variants = u.get(0).variants();
        assertEquals(List.of(List.of(1, 3), List.of(2)), List.copyOf(variants.values()));
    }

    @Test
    void passingRunsDifferOnlyWhereTheExpectationLeavesItOpenButFailuresMustFailAlike() {
        assertTrue(RepeatComparison.compare(List.of(List.of(r("a", "passed", "", "port 1")), List.of(r("a", "passed", "", "port 2")))).isEmpty());
        assertEquals(1, RepeatComparison.compare(List.of(List.of(r("a", "failed", "exit code 1, expected 0", "boom 1")),
                List.of(r("a", "failed", "exit code 1, expected 0", "boom 2")))).size());
        assertTrue(RepeatComparison.compare(List.of(List.of(r("a", "skipped", "needs os=darwin", "")),
                List.of(r("a", "skipped", "needs os=darwin", "")))).isEmpty());
    }

    @Test
    void aStepMissingFromARunIsUnstable() {
        var u = RepeatComparison.compare(List.of(List.of(r("a", "passed", "", "")), List.of()));
        assertEquals(1, u.size());
        assertEquals(java.util.Arrays.asList(u.get(0).runs().get(0), null), u.get(0).runs());
    }
}
