package org.goguides.checks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.goguides.checks.results.HostInfo;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/** The job summary stays readable and within GitHub's size limit whatever a step printed. */
class StepSummaryTest {
    static HostRun run(SnippetResult r) {
        return new HostRun(HostRun.SCHEMA, new HostInfo("h", "linux", "amd64", false, 0, "debian 12", "6.1", "go1.26.8", false),
                "bwrap", "2026-11-30T00:00:00Z", "2026-11-30T00:00:00Z", List.of(r));
    }

    @Test
    void longDiffsAreCutWithALineSayingSo() {
        String diff = "+ line\n".repeat(500);
        String md = new StepSummary(Map.of()).hostRun(run(new SnippetResult("g", "en", "s", "sh", "g.md", 3, "h", Status.FAILED, "output differs", 0, 1, "", diff)));
        assertTrue(md.contains("… 440 more lines in the results file"), md);
        assertEquals(StepSummary.DIFF_LINES, md.lines().filter(l -> l.equals("+ line")).count());
    }

    @Test
    void contentCannotBreakTheTableOrTheCodeBlock() {
        String md = new StepSummary(Map.of()).hostRun(run(new SnippetResult("g", "en", "s", "sh", "g.md", 3, "h", Status.FAILED,
                "a | b\n<script>x</script> [link](javascript:x)", 0, 1, "", "```\n+ ``` fence\n")));
        assertTrue(md.contains("| a \\| b<br>&lt;script&gt;x&lt;/script&gt; \\[link\\](javascript:x) |"), md);
        assertTrue(md.contains("````diff\n```\n+ ``` fence\n````\n"), "a longer fence than any in the diff: " + md);
    }
}
