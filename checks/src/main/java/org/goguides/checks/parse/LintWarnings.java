package org.goguides.checks.parse;

import java.util.ArrayList;
import java.util.List;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.Snippet;

/**
 * What {@code lint} points out without failing: executed steps without an id in a guide that has no
 * translation (with translations, {@link TranslationDrift} already reports them as errors), since a derived
 * id moves when a heading changes and the step's results and links go with it.
 */
public final class LintWarnings {
    private LintWarnings() {
    }

    public static List<Problem> find(Content content) {
        List<Problem> out = new ArrayList<>();
        for (List<Guide> translations : content.bySlug().values()) {
            if (translations.size() > 1) continue;
            for (Snippet s : translations.get(0).executable()) {
                if (!s.explicitId()) {
                    out.add(new Problem(s.pos(), "executed step without an id: its derived id \"" + s.id()
                            + "\" changes when the heading above it does, and its results with it (add {#" + s.id() + "} or a name of your own)"));
                }
            }
        }
        java.util.Collections.sort(out);
        return out;
    }
}
