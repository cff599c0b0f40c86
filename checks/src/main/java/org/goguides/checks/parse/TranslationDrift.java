package org.goguides.checks.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.Snippet;

/**
 * Finds where translations of a guide no longer run the same steps: the zh and en files are
 * linked by snippet ids, and each id must have the same code and expected output in every
 * language. Reported by {@code lint}; {@code check} and {@code build} still run.
 */
public final class TranslationDrift {
    private TranslationDrift() {
    }

    public static List<Problem> find(Content content) {
        List<Problem> out = new ArrayList<>();
        for (List<Guide> translations : content.bySlug().values()) {
            if (translations.size() < 2) continue;
            Guide ref = translations.get(0);
            Map<String, Snippet> refIds = ids(ref);
            for (Guide g : translations.subList(1, translations.size())) {
                Map<String, Snippet> ids = ids(g);
                for (Snippet s : ids.values()) {
                    Snippet twin = refIds.get(s.id());
                    if (!s.explicitId()) {
                        out.add(new Problem(s.pos(), "snippet \"" + s.id() + "\" has no #id (give every executed step an id, "
                                + "the same in every translation)"));
                    } else if (twin == null) {
                        out.add(new Problem(s.pos(), "snippet \"" + s.id() + "\" has no counterpart in " + ref.displayPath()
                                + " (translations share ids; add it there or rename it here)"));
                    } else if (!twin.hash().equals(s.hash())) {
                        out.add(new Problem(s.pos(), "snippet \"" + s.id() + "\" differs from " + twin.pos()
                                + " (translations run the same code with the same expected output)"));
                    }
                }
                for (Snippet s : refIds.values()) {
                    if (!ids.containsKey(s.id())) {
                        out.add(new Problem(s.pos(), (s.explicitId() ? "snippet \"" + s.id() + "\"" : "a snippet without #id")
                                + " has no counterpart in " + g.displayPath() + " (translations share ids)"));
                    }
                }
            }
        }
        java.util.Collections.sort(out);
        return out;
    }

    private static Map<String, Snippet> ids(Guide g) {
        Map<String, Snippet> m = new LinkedHashMap<>();
        for (Snippet s : g.executable()) m.putIfAbsent(s.id(), s);
        return m;
    }

    /**
     * The translations that need a run of their own: a translation with exactly the same steps as one
     * before it shares that one's results (the site matches results by slug, id and hash, not by language).
     */
    public static List<Guide> toRun(List<Guide> guides) {
        List<Guide> run = new ArrayList<>();
        for (Guide g : guides) {
            if (run.stream().noneMatch(r -> r.slug().equals(g.slug()) && sameSteps(r, g))) run.add(g);
        }
        return run;
    }

    /** Whether two translations run exactly the same steps in the same order, so one run serves both. */
    public static boolean sameSteps(Guide a, Guide b) {
        List<Snippet> x = a.executable();
        List<Snippet> y = b.executable();
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) {
            Snippet s = x.get(i);
            Snippet t = y.get(i);
            if (!s.id().equals(t.id()) || !s.hash().equals(t.hash()) || !s.session().equals(t.session())
                    || !s.requires().equals(t.requires()) || !s.timeout().equals(t.timeout())
                    || !java.util.Objects.equals(s.skipReason(), t.skipReason())) {
                return false;
            }
        }
        return true;
    }
}
