package org.goguides.checks.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.goguides.checks.model.Content;
import org.goguides.checks.parse.Series;
import org.goguides.checks.results.SnippetResult;

/**
 * What {@code check} runs when guides build on each other ({@code after:}): a changed guide re-checks
 * the guides that build on it, and a guide that runs needs the guides it builds on to run too (their
 * final state is its start), so their cached results are not reused.
 */
final class SeriesSelection {
    private SeriesSelection() {
    }

    /** {@code changed} and the guides that build on them, directly or not. */
    static Set<String> withDependents(Content c, Set<String> changed) {
        Set<String> out = Series.withDependents(Series.afterBySlug(c.guides()), changed);
        out.retainAll(c.bySlug().keySet());
        return out;
    }

    /**
     * Drops from {@code cached} the guides that must run: those building on a guide that runs, and those a
     * running guide builds on. {@code selected}: the guides asked for (all when empty).
     */
    static void notReusable(Content c, Map<String, List<SnippetResult>> cached, Set<String> selected) {
        Map<String, String> after = Series.afterBySlug(c.guides());
        Set<String> running = new java.util.LinkedHashSet<>(selected.isEmpty() ? c.bySlug().keySet() : selected);
        running.removeAll(cached.keySet());
        cached.keySet().removeAll(Series.withDependents(after, running));
        running.addAll(selected.isEmpty() ? c.bySlug().keySet() : selected);
        running.removeAll(cached.keySet());
        cached.keySet().removeAll(Series.withDependencies(after, running));
    }
}
