package org.goguides.checks.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;

/**
 * Guides that build on each other ({@code after: slug} in the front matter): a guide's steps start
 * from the final state of the guide it names. The links between slugs form a series, read here:
 * authoring errors (a missing guide, a cycle, translations that disagree), the guides a run needs
 * or must re-check, and the reading order with previous and next.
 */
public final class Series {
    private Series() {
    }

    /** slug → the slug it builds on, for every guide that names one (the first translation's value). */
    public static Map<String, String> afterBySlug(Collection<Guide> guides) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Guide g : guides) if (!g.meta().after().isEmpty()) m.putIfAbsent(g.slug(), g.meta().after());
        return m;
    }

    /** Missing guides, cycles and translations that build on different guides, at the {@code after:} line. */
    public static List<Problem> problems(Collection<Guide> guides) {
        List<Problem> out = new ArrayList<>();
        Set<String> slugs = new TreeSet<>();
        guides.forEach(g -> slugs.add(g.slug()));
        Map<String, String> after = afterBySlug(guides);
        for (Guide g : guides) {
            String a = g.meta().after();
            int line = Math.max(1, g.meta().afterLine());
            if (!a.equals(after.getOrDefault(g.slug(), ""))) {
                out.add(Problem.at(g.displayPath(), line, "after: \"" + a + "\" differs from another translation's after: \""
                        + after.getOrDefault(g.slug(), "") + "\" (translations build on the same guide)"));
                continue;
            }
            if (a.isEmpty()) continue;
            if (!slugs.contains(a)) {
                out.add(Problem.at(g.displayPath(), line, "after: \"" + a + "\" names no guide (" + Suggest.didYouMean(a, slugs)
                        + "after: takes the folder name of a guide under guides/)"));
                continue;
            }
            List<String> path = new ArrayList<>(List.of(g.slug()));
            String cur = a;
            while (cur != null && !path.contains(cur)) {
                path.add(cur);
                cur = after.get(cur);
            }
            if (cur != null && cur.equals(g.slug())) {
                path.add(cur);
                out.add(Problem.at(g.displayPath(), line, "after: \"" + a + "\" makes a cycle: " + String.join(" → ", path)
                        + " (a series must start with a guide that has no after:)"));
            }
        }
        return out;
    }

    /** {@code slugs} and every guide they build on, directly or not (a run needs their final state). */
    public static Set<String> withDependencies(Map<String, String> after, Collection<String> slugs) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : slugs) {
            String cur = s;
            while (cur != null && out.add(cur)) cur = after.get(cur);
        }
        return out;
    }

    /** {@code slugs} and every guide that builds on them, directly or not (a change there must re-check those). */
    public static Set<String> withDependents(Map<String, String> after, Collection<String> slugs) {
        Set<String> out = new LinkedHashSet<>(slugs);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, String> e : after.entrySet()) {
                if (out.contains(e.getValue()) && out.add(e.getKey())) grew = true;
            }
        }
        return out;
    }

    /**
     * The series {@code slug} belongs to, in reading order: each guide after the one it builds on, guides
     * that build on the same one by slug. A single guide when it is in no series (or the links form a cycle).
     */
    public static List<String> order(Map<String, String> after, String slug) {
        String root = slug;
        Set<String> seen = new LinkedHashSet<>();
        while (after.containsKey(root) && seen.add(root)) root = after.get(root);
        if (after.containsKey(root)) return List.of(slug); // a cycle: reported by problems()
        List<String> out = new ArrayList<>();
        visit(after, root, out);
        return out.contains(slug) ? out : List.of(slug);
    }

    private static void visit(Map<String, String> after, String slug, List<String> out) {
        if (out.contains(slug)) return;
        out.add(slug);
        new TreeSet<>(after.entrySet().stream().filter(e -> e.getValue().equals(slug)).map(Map.Entry::getKey).toList())
                .forEach(next -> visit(after, next, out));
    }
}
