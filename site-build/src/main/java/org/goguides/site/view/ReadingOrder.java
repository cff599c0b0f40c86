package org.goguides.site.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    /** Per language, its groups in order with their guides: made once, as every page's sidebar reads them. */
    private final Map<String, List<Group>> groupsByLang = new HashMap<>();
    /** Per language and slug, where the guide stands: asked for by every page, so not a scan of the language. */
    private final Map<String, Map<String, Place>> placesByLang = new HashMap<>();

    /** A group of a language's guides, its index on the language's home page. */
    private record Group(String name, int index, List<Entry> members) {
    }

    /** A guide's group, its position in that group and in the language's reading order. */
    private record Place(Group group, int inGroup, int inLang) {
    }

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
            List<Group> inOrder = new ArrayList<>();
            Map<String, Place> places = new HashMap<>();
            int at = 0;
            for (Map.Entry<String, List<Entry>> g : groups.entrySet()) {
                Group group = new Group(g.getKey(), inOrder.size(), List.copyOf(g.getValue()));
                inOrder.add(group);
                for (int i = 0; i < group.members().size(); i++) places.putIfAbsent(group.members().get(i).slug(), new Place(group, i, at++));
            }
            groupsByLang.put(e.getKey(), List.copyOf(inOrder));
            placesByLang.put(e.getKey(), places);
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

    /**
     * Up to this many guides in a language, the sidebar lists every guide of every group; beyond it, only the
     * current guide's group (at most {@link #WINDOW} guides each side of it) and the other groups as links to
     * their place on the home page. A sidebar listing everything grows every page with the size of the site
     * (at 5,000 guides, 150 KB of links per page and gigabytes in all) and stops helping a reader long before.
     */
    public static final int FULL_SIDEBAR_MAX = 40;
    /** Guides shown each side of the current one in a large group of a large site's sidebar. */
    public static final int WINDOW = 20;

    /** The id of the {@code index}-th group (0-based) on a language's home page, where a sidebar's group link goes. */
    public static String groupAnchor(int index) {
        return "group-" + (index + 1);
    }

    /** The sidebar of a page: groups of guides, the current one marked; for a large site, see {@link #FULL_SIDEBAR_MAX}. */
    public List<NavGroup> nav(String lang, String currentSlug) {
        boolean full = of(lang).size() <= FULL_SIDEBAR_MAX;
        Place current = placesByLang.getOrDefault(lang, Map.of()).get(currentSlug);
        List<NavGroup> out = new ArrayList<>();
        for (Group g : groupsByLang.getOrDefault(lang, List.of())) {
            List<Entry> members = g.members();
            String url = ViewFactory.indexUrl(lang) + "#" + groupAnchor(g.index());
            if (full) {
                out.add(new NavGroup(g.name(), items(lang, members, currentSlug), "", members.size()));
            } else if (current != null && current.group() == g) {
                int at = current.inGroup();
                int from = Math.max(0, at - WINDOW), to = Math.min(members.size(), at + WINDOW + 1);
                boolean cut = from > 0 || to < members.size();
                out.add(new NavGroup(g.name(), items(lang, members.subList(from, to), currentSlug), cut ? url : "", members.size()));
            } else {
                out.add(new NavGroup(g.name(), List.of(), url, members.size()));
            }
        }
        return out;
    }

    private static List<NavItem> items(String lang, List<Entry> entries, String currentSlug) {
        List<NavItem> items = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            items.add(new NavItem(e.slug(), e.title(), ViewFactory.guideUrl(lang, e.slug()), e.slug().equals(currentSlug)));
        }
        return List.copyOf(items);
    }

    /** The guide before ({@code step} -1) or after (+1) {@code slug} in reading order, or null. */
    public NavItem neighbour(String lang, String slug, int step) {
        Place p = placesByLang.getOrDefault(lang, Map.of()).get(slug);
        if (p == null) return null;
        List<Entry> l = of(lang);
        int j = p.inLang() + step;
        if (j < 0 || j >= l.size()) return null;
        Entry e = l.get(j);
        return new NavItem(e.slug(), e.title(), ViewFactory.guideUrl(lang, e.slug()), false);
    }
}
