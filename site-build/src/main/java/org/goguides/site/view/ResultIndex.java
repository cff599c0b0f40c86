package org.goguides.site.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * All results files merged: per snippet key ({@code slug/id}), the latest result of each host.
 * When several files come from the same host, the newest run wins; of a host's zh and en results,
 * the one {@link Verification#preferred} says.
 */
public final class ResultIndex {
    /** A result together with the run it came from. */
    public record HostResult(HostRun run, SnippetResult result) {
    }

    private final Map<String, List<HostResult>> byKey = new LinkedHashMap<>();
    private final List<HostRun> runs;
    /** host key + snippet key + hash to the statuses of the kept runs, oldest first. */
    private final Map<String, List<Status>> history = new LinkedHashMap<>();
    private final Instant now;
    private final Duration maxAge;

    public ResultIndex(List<HostRun> allRuns) {
        this(allRuns, List.of(), Instant.now(), DEFAULT_MAX_AGE);
    }

    /** Results older than this are marked as old on the site unless the build says otherwise. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

    /**
     * @param allRuns the current results files of every host
     * @param kept earlier runs of the hosts (results history), for steps that pass and fail by turns
     * @param now the build time
     * @param maxAge a result older than this is marked as old
     */
    public ResultIndex(List<HostRun> allRuns, List<HostRun> kept, Instant now, Duration maxAge) {
        this.now = now;
        this.maxAge = maxAge;
        List<HostRun> ordered = new ArrayList<>(kept);
        ordered.sort(Comparator.comparing(HostRun::finished));
        for (HostRun r : ordered) {
            for (SnippetResult s : r.snippets()) {
                history.computeIfAbsent(r.host().key() + "|" + s.key() + "|" + s.hash(), k -> new ArrayList<>()).add(s.status());
            }
        }
        Map<String, HostRun> latest = new LinkedHashMap<>();
        for (HostRun r : allRuns) {
            latest.merge(r.host().key(), r, Verification::newer);
        }
        this.runs = latest.values().stream().sorted(Comparator.comparing((HostRun r) -> r.host().key())).toList();
        for (HostRun run : runs) {
            Map<String, SnippetResult> perKey = new LinkedHashMap<>();
            for (SnippetResult s : run.snippets()) {
                // zh and en runs of the same snippet: keep one per host
                perKey.merge(s.key(), s, Verification::preferred);
            }
            perKey.values().forEach(s -> byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(new HostResult(run, s)));
        }
    }

    /** How often a step passed in the kept runs of a host with the same text, when it is {@link Verification#flaky}. */
    public java.util.Optional<Verification.Flaky> flaky(String hostKey, String snippetKey, String hash) {
        return Verification.flaky(history.getOrDefault(hostKey + "|" + snippetKey + "|" + hash, List.of()));
    }

    /** Whether a result verified at {@code instant} (ISO-8601) is older than the build allows. */
    public boolean old(String instant) {
        // a run's results share a few instants: each is parsed once
        return oldness.computeIfAbsent(instant, i -> Verification.old(i, now, maxAge));
    }

    private final Map<String, Boolean> oldness = new java.util.concurrent.ConcurrentHashMap<>();

    /** Identifies the results this index holds (hosts and run times, kept runs included) and its age limit. */
    public String fingerprint() {
        StringBuilder b = new StringBuilder(maxAge.toString());
        for (HostRun r : runs) b.append('|').append(r.host().key()).append('@').append(r.finished()).append('/').append(r.snippets().size());
        b.append('|').append(history.values().stream().mapToInt(List::size).sum());
        return b.toString();
    }

    public Duration maxAge() {
        return maxAge;
    }

    public List<HostResult> forKey(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** The newest run of each host, sorted by host key. */
    public List<HostRun> runs() {
        return runs;
    }
}
