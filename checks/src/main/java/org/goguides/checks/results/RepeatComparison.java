package org.goguides.checks.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the results of the same steps run several times ({@code check --repeat N}) and finds
 * the steps that did not give the same answer every time: a race in the step or in the runner.
 *
 * <p>A step differs when its status differs between runs; or, when it failed, errored or was
 * skipped every time, when its reason, exit code or output differs (it fails, but not always the
 * same way). Passing runs are not compared on their output: the expected output already decided
 * what must be the same ({@code [..]} and {@code ...} leave the rest open, such as a port number).
 */
public final class RepeatComparison {
    private RepeatComparison() {
    }

    /**
     * A step whose runs differed.
     *
     * @param runs its result in each run, in order; null where it was not in a run's results
     */
    public record Unstable(String guide, String locale, String id, String source, int line, List<SnippetResult> runs) {
        /** The runs grouped by what they answered: each distinct answer with the (1-based) runs that gave it. */
        public Map<SnippetResult, List<Integer>> variants() {
            Map<SnippetResult, List<Integer>> m = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                SnippetResult r = runs.get(i);
                SnippetResult same = m.keySet().stream().filter(k -> sameAnswer(k, r)).findFirst().orElse(r);
                m.computeIfAbsent(same, k -> new ArrayList<>()).add(i + 1);
            }
            return m;
        }
    }

    /** The steps that differed, in the order of the first run; {@code runs} holds each run's results. */
    public static List<Unstable> compare(List<List<SnippetResult>> runs) {
        Map<String, SnippetResult[]> byStep = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (SnippetResult r : runs.get(i)) {
                byStep.computeIfAbsent(r.guide() + "\u0000" + r.locale() + "\u0000" + r.id(), k -> new SnippetResult[runs.size()])[i] = r;
            }
        }
        List<Unstable> unstable = new ArrayList<>();
        for (SnippetResult[] each : byStep.values()) {
            List<SnippetResult> list = java.util.Arrays.asList(each);
            SnippetResult first = list.stream().filter(Objects::nonNull).findFirst().orElseThrow();
            if (list.stream().allMatch(r -> sameAnswer(first, r))) continue;
            unstable.add(new Unstable(first.guide(), first.locale(), first.id(), first.source(), first.line(), list));
        }
        return unstable;
    }

    static boolean sameAnswer(SnippetResult a, SnippetResult b) {
        if (a == null || b == null) return a == b;
        if (a.status() != b.status()) return false;
        if (a.status() == Status.PASSED) return true;
        return a.reason().equals(b.reason()) && a.exit() == b.exit() && a.output().equals(b.output());
    }
}
