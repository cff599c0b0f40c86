package org.goguides.site.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;

/**
 * All results files merged: per snippet key ({@code slug/id}), the latest result of each host.
 * When several files come from the same host, the newest run wins.
 */
public final class ResultIndex {
    /** A result together with the run it came from. */
    public record HostResult(HostRun run, SnippetResult result) {
    }

    private final Map<String, List<HostResult>> byKey = new LinkedHashMap<>();
    private final List<HostRun> runs;

    public ResultIndex(List<HostRun> allRuns) {
        Map<String, HostRun> latest = new LinkedHashMap<>();
        for (HostRun r : allRuns) {
            latest.merge(r.host().key(), r, (a, b) -> a.finished().compareTo(b.finished()) >= 0 ? a : b);
        }
        this.runs = latest.values().stream().sorted(Comparator.comparing((HostRun r) -> r.host().key())).toList();
        for (HostRun run : runs) {
            Map<String, SnippetResult> perKey = new LinkedHashMap<>();
            for (SnippetResult s : run.snippets()) {
                // zh and en runs of the same snippet: keep one per host, preferring a real run over a skip
                perKey.merge(s.key(), s, (a, b) -> rank(b) > rank(a) ? b : a);
            }
            perKey.values().forEach(s -> byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(new HostResult(run, s)));
        }
    }

    /** Failed beats passed beats skipped, so a failure seen in any translation is never hidden. */
    private static int rank(SnippetResult s) {
        return switch (s.status()) {
            case "failed", "error" -> 3;
            case "passed" -> 2;
            default -> 1;
        };
    }

    public List<HostResult> forKey(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** The newest run of each host, sorted by host key. */
    public List<HostRun> runs() {
        return runs;
    }
}
