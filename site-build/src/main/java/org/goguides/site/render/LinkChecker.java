package org.goguides.site.render;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Finds broken internal links before anything is published: every {@code href} and {@code src} of
 * every page that stays on the site must name a page or file the build writes, and a
 * {@code #fragment} must name an {@code id} on the target page. External links are not fetched.
 *
 * <p>Pages are read one at a time ({@link #scan}, safe in parallel) into what the check needs, their
 * links and ids, so a large site is never held in memory as parsed trees; {@link #resolve} then checks them.
 */
public final class LinkChecker {
    private LinkChecker() {
    }

    /** What the check needs of one page: the links it makes (each once, in page order) and the ids it has. */
    public record PageLinks(String page, List<String> refs, Set<String> ids) {
    }

    /**
     * @param pages site path (e.g. {@code en/go/index.html}) to HTML
     * @param files other site paths the build writes (assets, sitemap, search index)
     * @return one message per broken link, {@code "<page>: broken link <href>"}, in page order
     */
    public static List<String> check(Map<String, String> pages, Set<String> files) {
        List<PageLinks> scanned = new ArrayList<>();
        for (Map.Entry<String, String> e : pages.entrySet()) scanned.add(scan(e.getKey(), e.getValue()));
        return resolve(scanned, files);
    }

    /**
     * Reads the links and ids of one page with a single pass over its tags (no tree is built): the
     * pages are this build's own output, and raw HTML from guides is escaped, so every tag is one the
     * templates or the Markdown renderer wrote. Text inside {@code script}, {@code style},
     * {@code textarea} and {@code title} is skipped, comments too; attribute values are unescaped.
     */
    public static PageLinks scan(String page, String html) {
        Set<String> refs = new LinkedHashSet<>();
        Set<String> ids = new HashSet<>();
        int n = html.length();
        int i = 0;
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) break;
            char c = html.charAt(lt + 1);
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            if (!Character.isLetter(c)) {
                int gt = html.indexOf('>', lt + 1);
                i = gt < 0 ? n : gt + 1;
                continue;
            }
            int j = lt + 1;
            while (j < n && !isSpace(html.charAt(j)) && html.charAt(j) != '>' && html.charAt(j) != '/') j++;
            String tag = html.substring(lt + 1, j).toLowerCase(java.util.Locale.ROOT);
            Map<String, String> attrs = new LinkedHashMap<>();
            j = attributes(html, j, attrs);
            i = j;
            String id = attrs.get("id");
            if (id != null) ids.add(id);
            else if (tag.equals("a") && attrs.containsKey("name")) ids.add(attrs.get("name"));
            String ref = null;
            switch (tag) {
                case "a" -> ref = attrs.get("href");
                case "link" -> {
                    String rel = attrs.get("rel");
                    if (attrs.containsKey("href") && ("stylesheet".equals(rel) || "icon".equals(rel))) ref = attrs.get("href");
                }
                case "script", "img" -> ref = attrs.get("src");
                case "form" -> ref = attrs.get("action");
                default -> {
                }
            }
            if (ref != null) refs.add(ref);
            if (tag.equals("script") || tag.equals("style") || tag.equals("textarea") || tag.equals("title")) {
                int close = indexOfIgnoreCase(html, "</" + tag, i);
                i = close < 0 ? n : close;
            }
        }
        return new PageLinks(page, List.copyOf(refs), ids);
    }

    /** Reads the attributes after a tag name into {@code attrs} (first one wins, names in lower case); returns the index after {@code >}. */
    private static int attributes(String html, int j, Map<String, String> attrs) {
        int n = html.length();
        while (j < n) {
            char c = html.charAt(j);
            if (c == '>') return j + 1;
            if (isSpace(c) || c == '/') {
                j++;
                continue;
            }
            int start = j;
            while (j < n && !isSpace(html.charAt(j)) && html.charAt(j) != '=' && html.charAt(j) != '>' && html.charAt(j) != '/') j++;
            String name = html.substring(start, j).toLowerCase(java.util.Locale.ROOT);
            while (j < n && isSpace(html.charAt(j))) j++;
            String value = "";
            if (j < n && html.charAt(j) == '=') {
                j++;
                while (j < n && isSpace(html.charAt(j))) j++;
                if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                    char q = html.charAt(j);
                    int end = html.indexOf(q, j + 1);
                    if (end < 0) end = n;
                    value = html.substring(j + 1, end);
                    j = Math.min(n, end + 1);
                } else {
                    int vs = j;
                    while (j < n && !isSpace(html.charAt(j)) && html.charAt(j) != '>') j++;
                    value = html.substring(vs, j);
                }
                if (value.indexOf('&') >= 0) value = org.jsoup.parser.Parser.unescapeEntities(value, true);
            }
            attrs.putIfAbsent(name, value);
        }
        return n;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int k = s.indexOf('<', from); k >= 0; k = s.indexOf('<', k + 1)) {
            if (s.regionMatches(true, k, what, 0, what.length())) return k;
        }
        return -1;
    }

    /**
     * @param pages the scanned pages, in the order messages should follow
     * @param files other site paths the build writes
     * @return one message per broken link, {@code "<page>: broken link <href>"}, in page order
     */
    public static List<String> resolve(List<PageLinks> pages, Set<String> files) {
        Map<String, PageLinks> byPath = new LinkedHashMap<>();
        for (PageLinks p : pages) byPath.put(p.page(), p);
        List<String> broken = new ArrayList<>();
        for (PageLinks p : pages) {
            for (String ref : p.refs()) {
                if (!resolves(p.page(), ref, byPath, files)) broken.add(p.page() + ": broken link " + ref);
            }
        }
        return broken;
    }

    private static boolean resolves(String page, String ref, Map<String, PageLinks> pages, Set<String> files) {
        if (ref.isEmpty()) return false;
        URI u;
        try {
            u = URI.create("http://site/" + page).resolve(ref);
        } catch (IllegalArgumentException ex) {
            return false; // not a valid URL, e.g. an unescaped space
        }
        if (u.getScheme() != null && !u.getScheme().equals("http") || u.getHost() != null && !u.getHost().equals("site")) {
            return true; // another site, mailto:, tel: …: not checked
        }
        String path = u.getPath() == null || u.getPath().isEmpty() ? "/" + page : u.getPath();
        String target = path.substring(1);
        if (target.isEmpty() || target.endsWith("/")) target += "index.html";
        if (!pages.containsKey(target) && !files.contains(target)) {
            if (pages.containsKey(target + "/index.html")) target += "/index.html";
            else return false;
        }
        String frag = u.getFragment();
        if (frag == null || frag.isEmpty()) return true;
        if (!pages.containsKey(target)) return false;
        return pages.get(target).ids().contains(frag);
    }
}
