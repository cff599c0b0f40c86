package org.goguides.checks.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.goguides.checks.host.PlatformCatalog;

/**
 * Everything under {@code content/}: the site settings, the platforms and every guide translation,
 * with the authoring errors found while reading them.
 */
public record Content(SiteConfig site, PlatformCatalog platforms, List<Guide> guides, List<Problem> problems) {
    public Content {
        guides = List.copyOf(guides);
        problems = List.copyOf(problems);
    }

    /** Guide translations grouped by slug, slugs in order. */
    public Map<String, List<Guide>> bySlug() {
        Map<String, List<Guide>> m = new LinkedHashMap<>();
        for (Guide g : guides) m.computeIfAbsent(g.slug(), k -> new java.util.ArrayList<>()).add(g);
        return m;
    }

    public Optional<Guide> guide(String slug, String locale) {
        return guides.stream().filter(g -> g.slug().equals(slug) && g.locale().equals(locale)).findFirst();
    }
}
