package org.goguides.site.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.goguides.site.view.Views.NavGroup;
import org.goguides.site.view.Views.NavItem;

/**
 * The guides of each language in the order the authors gave them: by front matter {@code weight} (lower
 * first; guides without one after those with one), then by title; grouped under their {@code group}, the
 * groups in the order of their first guide. Known before any page is rendered, for the sidebar and the
 * previous / next links of every guide page.
 */
public final class ReadingOrder {
    /** One guide translation as the order knows it. */
    public record Entry(String slug, String lang, String title, String group, int weight) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> e.weight() == 0)
            .thenComparingInt(Entry::weight).thenComparing(Entry::title).thenComparing(Entry::slug);

    private final Map<String, List<Entry>> byLang = new LinkedHashMap<>();

    public ReadingOrder(List<Entry> entries) {
        for (Entry e : entries) byLang.computeIfAbsent(e.lang(), k -> new ArrayList<>()).add(e);
        for (Map.Entry<String, List<Entry>> e : byLang.entrySet()) {
            List<Entry> sorted = new ArrayList<>(e.getValue());
            sorted.sort(ORDER);
            // a group stays together, at the place of its first guide
            Map<String, List<Entry>> groups = new LinkedHashMap<>();
            for (Entry x : sorted) groups.computeIfAbsent(x.group(), k -> new ArrayList<>()).add(x);
            List<Entry> grouped = new ArrayList<>();
            groups.values().forEach(grouped::addAll);
            e.setValue(List.copyOf(grouped));
        }
    }

    /** The guides of a language, in reading order. */
    public List<Entry> of(String lang) {
        return byLang.getOrDefault(lang, List.of());
    }

    /** Slugs of a language in reading order. */
    public List<String> slugs(String lang) {
        return of(lang).stream().map(Entry::slug).toList();
    }

    /** The sidebar of a page: groups of guides, the current one marked. */
    public List<NavGroup> nav(String lang, String currentSlug) {
        Map<String, List<NavItem>> groups = new LinkedHashMap<>();
        for (Entry e : of(lang)) {
            groups.computeIfAbsent(e.group(), k -> new ArrayList<>())
                    .add(new NavItem(e.slug(), e.title(), ViewFactory.guideUrl(lang, e.slug()), e.slug().equals(currentSlug)));
        }
        List<NavGroup> out = new ArrayList<>();
        groups.forEach((title, items) -> out.add(new NavGroup(title, List.copyOf(items))));
        return out;
    }

    /** The guide before ({@code step} -1) or after (+1) {@code slug} in reading order, or null. */
    public NavItem neighbour(String lang, String slug, int step) {
        List<Entry> l = of(lang);
        for (int i = 0; i < l.size(); i++) {
            if (!l.get(i).slug().equals(slug)) continue;
            int j = i + step;
            if (j < 0 || j >= l.size()) return null;
            Entry e = l.get(j);
            return new NavItem(e.slug(), e.title(), ViewFactory.guideUrl(lang, e.slug()), false);
        }
        return null;
    }
}
