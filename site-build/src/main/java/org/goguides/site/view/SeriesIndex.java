package org.goguides.site.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.FrontMatter;
import org.goguides.checks.parse.Series;

/**
 * The series of a site ({@code after:} links between guides), known before any guide page is rendered so
 * that each page can link to the previous and next part. Made from the front matter the guide listing has read
 * of every guide file, once ({@code GuideListing}).
 */
public final class SeriesIndex {
    public static final SeriesIndex NONE = new SeriesIndex(Map.of(), Map.of());

    private final Map<String, String> after;
    private final Map<String, String> titles; // "slug/lang" -> title, for guides in a series

    private SeriesIndex(Map<String, String> after, Map<String, String> titles) {
        this.after = after;
        this.titles = titles;
    }

    /**
     * The series of the guide files whose front matter the listing has read, keyed {@code "slug/lang"} in the
     * order of the files (the first translation's {@code after:} counts for a guide): no file is read again.
     */
    public static SeriesIndex of(Map<String, FrontMatter> heads) {
        Map<String, String> after = new HashMap<>();
        heads.forEach((key, m) -> {
            if (!m.after().isBlank()) after.putIfAbsent(slug(key), m.after());
        });
        if (after.isEmpty()) return NONE;
        Map<String, String> titles = new HashMap<>();
        heads.forEach((key, m) -> {
            String slug = slug(key);
            if (after.containsKey(slug) || after.containsValue(slug)) titles.put(key, m.title().isEmpty() ? slug : m.title());
        });
        return new SeriesIndex(Map.copyOf(after), Map.copyOf(titles));
    }

    private static String slug(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    /** Where a guide stands in its series, with links to the previous and next part in the same language; null if in none. */
    public Views.SeriesNavView nav(String slug, String lang) {
        if (after.isEmpty()) return null;
        List<String> order = Series.order(after, slug);
        if (order.size() < 2) return null;
        int i = order.indexOf(slug);
        String prev = i > 0 ? order.get(i - 1) : null;
        String next = i < order.size() - 1 ? order.get(i + 1) : null;
        String prevTitle = prev == null ? null : titles.get(prev + "/" + lang);
        String nextTitle = next == null ? null : titles.get(next + "/" + lang);
        return new Views.SeriesNavView(i + 1, order.size(), prevTitle == null ? "" : prevTitle,
                prevTitle == null ? "" : ViewFactory.guideUrl(lang, prev), nextTitle == null ? "" : nextTitle,
                nextTitle == null ? "" : ViewFactory.guideUrl(lang, next));
    }

    /** The front matter's text, without its fences; empty when the file has none. */
}
