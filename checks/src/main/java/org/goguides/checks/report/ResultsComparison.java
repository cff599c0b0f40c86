package org.goguides.checks.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.results.HostInfo;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * What a change shows readers, platform by platform: the published results against the published
 * ones merged with this run's (newest run per host wins, as on the site), judged against the steps'
 * current text. A step <em>turns red</em> when a host of the platform now fails it and none did;
 * it is <em>newly verified</em> when a host now passes its current text and none did; it is
 * <em>waiting for a host</em> when the platform has results only for an older text of it.
 */
public final class ResultsComparison {
    /** A step's state on one platform. */
    enum State { NONE, STALE, PASSED, FAILED }

    /** One step on one platform that changed for readers; {@code reason} is the failure's, if any. */
    public record Change(String platform, String guide, String id, String source, int line, String reason) {
    }

    private final List<Change> turnsRed = new ArrayList<>();
    private final List<Change> newlyVerified = new ArrayList<>();
    private final List<Change> waiting = new ArrayList<>();
    private final Set<String> platforms = new TreeSet<>();
    private final Map<String, String> newest = new TreeMap<>();

    private ResultsComparison() {
    }

    /** Compares {@code published} with {@code published} and {@code current} merged, for the steps of {@code content}. */
    public static ResultsComparison of(Content content, List<HostRun> published, List<HostRun> current) {
        ResultsComparison c = new ResultsComparison();
        List<HostRun> before = newestPerHost(published);
        List<HostRun> all = new ArrayList<>(published);
        all.addAll(current);
        List<HostRun> after = newestPerHost(all);
        for (HostRun r : after) {
            c.platforms.add(platform(r.host()));
            c.newest.merge(platform(r.host()), r.finished(), (x, y) -> y.compareTo(x) > 0 ? y : x);
        }
        Map<String, Set<String>> hashes = new LinkedHashMap<>();
        Map<String, Snippet> first = new LinkedHashMap<>();
        for (Guide g : content.guides()) {
            for (Snippet s : g.executable()) {
                String key = s.guide() + "/" + s.id();
                hashes.computeIfAbsent(key, k -> new TreeSet<>()).add(s.hash());
                first.putIfAbsent(key, s);
            }
        }
        for (String platform : c.platforms) {
            Map<String, State> was = states(before, platform, hashes);
            Map<String, State> now = states(after, platform, hashes);
            Map<String, String> reasons = failureReasons(after, platform, hashes);
            for (Map.Entry<String, Snippet> e : first.entrySet()) {
                State b = was.getOrDefault(e.getKey(), State.NONE);
                State a = now.getOrDefault(e.getKey(), State.NONE);
                Snippet s = e.getValue();
                Change ch = new Change(platform, s.guide(), s.id(), s.pos().path(), s.pos().line(), reasons.getOrDefault(e.getKey(), ""));
                if (a == State.FAILED && b != State.FAILED) c.turnsRed.add(ch);
                else if (a == State.PASSED && b != State.PASSED) c.newlyVerified.add(ch);
                else if (a == State.STALE) c.waiting.add(ch);
            }
        }
        return c;
    }

    public List<Change> turnsRed() {
        return turnsRed;
    }

    public List<Change> newlyVerified() {
        return newlyVerified;
    }

    public List<Change> waiting() {
        return waiting;
    }

    /** The platforms of the hosts compared, sorted. */
    public Set<String> platforms() {
        return platforms;
    }

    /**
     * When a host of the platform last ran (the newest {@code finished} of its runs, merged): a date
     * that stops moving says the platform's job (or the scheduled workflow) stopped running.
     */
    public String newestRun(String platform) {
        return newest.getOrDefault(platform, "");
    }

    /** A platform's name as the workflow's matrix names it: {@code wsl}, {@code macos-arm64}, {@code linux-amd64}. */
    static String platform(HostInfo h) {
        if (h.wsl()) return "wsl";
        String os = "darwin".equals(h.os()) ? "macos" : h.os();
        return os + "-" + h.arch();
    }

    static List<HostRun> newestPerHost(List<HostRun> runs) {
        Map<String, HostRun> newest = new TreeMap<>();
        for (HostRun r : runs) newest.merge(r.host().key(), r, (x, y) -> y.finished().compareTo(x.finished()) > 0 ? y : x);
        return List.copyOf(newest.values());
    }

    private static Map<String, State> states(List<HostRun> runs, String platform, Map<String, Set<String>> hashes) {
        Map<String, State> out = new HashMap<>();
        for (HostRun run : runs) {
            if (!platform(run.host()).equals(platform)) continue;
            for (SnippetResult r : run.snippets()) {
                Set<String> current = hashes.get(r.key());
                if (current == null) continue;
                State s;
                if (!current.contains(r.hash())) s = r.status().ran() ? State.STALE : State.NONE;
                else s = r.status().failure() ? State.FAILED : r.status() == Status.PASSED ? State.PASSED : State.NONE;
                out.merge(r.key(), s, (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }
        return out;
    }

    private static Map<String, String> failureReasons(List<HostRun> runs, String platform, Map<String, Set<String>> hashes) {
        Map<String, String> out = new HashMap<>();
        for (HostRun run : runs) {
            if (!platform(run.host()).equals(platform)) continue;
            for (SnippetResult r : run.snippets()) {
                Set<String> current = hashes.get(r.key());
                if (current != null && current.contains(r.hash()) && r.status().failure()) {
                    out.putIfAbsent(r.key(), r.reason() == null ? r.status().id() : r.reason());
                }
            }
        }
        return out;
    }
}
