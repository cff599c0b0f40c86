package org.goguides.checks.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.model.SourcePos;

/**
 * Steps that translations share: the same id with the same text in another language of the guide.
 * Such a step runs once and its result stands for every translation, so a report about it belongs
 * on each translation's line.
 */
public final class SharedSteps {
    private SharedSteps() {
    }

    /** For each step ({@code guide/locale/id}), the places of the same step in the guide's other translations. */
    public static Map<String, List<SourcePos>> of(Content c) {
        Map<String, List<SourcePos>> out = new HashMap<>();
        for (List<Guide> translations : c.bySlug().values()) {
            for (Guide g : translations) {
                for (Snippet s : g.executable()) {
                    for (Guide other : translations) {
                        if (other == g) continue;
                        other.snippet(s.id()).filter(t -> t.hash().equals(s.hash()))
                                .ifPresent(t -> out.computeIfAbsent(s.guide() + "/" + s.locale() + "/" + s.id(), k -> new ArrayList<>()).add(t.pos()));
                    }
                }
            }
        }
        return out;
    }
}
