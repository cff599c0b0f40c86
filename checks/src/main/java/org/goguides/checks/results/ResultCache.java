package org.goguides.checks.results;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.parse.TranslationDrift;

/**
 * Lets {@code check} skip guides that have not changed since the last run on this host: a guide is
 * reused when every step it would run has a result for the same text (hash), from a run on a host
 * with the same key, isolation and network, recently, and none of them failed. {@code mvn verify}
 * never uses it.
 */
public final class ResultCache {
    private ResultCache() {
    }

    /**
     * The reusable results per guide slug.
     *
     * @param previous the last results file of this host
     * @param isolation the isolation this run will have
     * @param online whether this run is online
     * @param maxAge how old a reused result may be
     */
    public static Map<String, List<SnippetResult>> reusable(Content content, HostRun previous, String isolation, boolean online,
                                                            Duration maxAge, Instant now) {
        Map<String, List<SnippetResult>> out = new LinkedHashMap<>();
        if (!previous.isolation().equals(isolation) || previous.host().online() != online) return out;
        if (Instant.parse(previous.finished()).isBefore(now.minus(maxAge))) return out;
        Map<String, SnippetResult> byKey = new HashMap<>();
        for (SnippetResult r : previous.snippets()) byKey.put(r.guide() + "/" + r.locale() + "/" + r.id() + "/" + r.hash(), r);
        for (Map.Entry<String, List<Guide>> e : content.bySlug().entrySet()) {
            List<SnippetResult> found = new ArrayList<>();
            boolean all = true;
            for (Guide g : TranslationDrift.toRun(e.getValue())) {
                for (Snippet s : g.executable()) {
                    SnippetResult r = byKey.get(g.slug() + "/" + g.locale() + "/" + s.id() + "/" + s.hash());
                    if (r == null || r.status().failure()) {
                        all = false;
                        break;
                    }
                    found.add(r.reusedFrom(previous.finished()));
                }
                if (!all) break;
            }
            if (all && !found.isEmpty()) out.put(e.getKey(), found);
        }
        return out;
    }
}
