package org.goguides.site.render;

import org.goguides.site.view.Highlighter;

import java.util.List;

/**
 * {@code sitemap.xml} (with {@code hreflang} alternates between translations) and {@code robots.txt}.
 * Sitemaps need absolute URLs, so without a base URL in {@code site.yml} the paths stay relative and
 * the build warns.
 */
public final class Sitemap {
    /** One page: its path, last change (ISO date or null) and its translations as language → path. */
    public record Entry(String path, String lastmod, List<Alternate> alternates) {
    }

    /** A translation of a page. */
    public record Alternate(String hreflang, String path) {
    }

    private Sitemap() {
    }

    public static String xml(String baseUrl, List<Entry> entries) {
        String base = baseUrl.replaceAll("/$", "");
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (Entry e : entries) {
            b.append("  <url><loc>").append(Highlighter.escape(base + e.path())).append("</loc>");
            if (e.lastmod() != null) b.append("<lastmod>").append(e.lastmod()).append("</lastmod>");
            for (Alternate a : e.alternates()) {
                b.append("\n    <xhtml:link rel=\"alternate\" hreflang=\"").append(a.hreflang()).append("\" href=\"")
                        .append(Highlighter.escape(base + a.path())).append("\"/>");
            }
            b.append("</url>\n");
        }
        return b.append("</urlset>\n").toString();
    }

    public static String robots(String baseUrl) {
        String base = baseUrl.replaceAll("/$", "");
        return "User-agent: *\nAllow: /\n\nSitemap: " + base + "/sitemap.xml\n";
    }
}
