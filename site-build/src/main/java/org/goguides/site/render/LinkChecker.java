package org.goguides.site.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
        return scan(page, html.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #scan(String, String)} over the page's UTF-8 bytes (as written), which reads faster than a string. */
    public static PageLinks scan(String page, byte[] html) {
        Set<String> refs = new LinkedHashSet<>();
        Set<String> ids = new HashSet<>();
        Tag t = new Tag();
        int n = html.length;
        int i = 0;
        while (true) {
            int lt = indexOf(html, '<', i);
            if (lt < 0 || lt + 1 >= n) break;
            byte c = html[lt + 1];
            if (c == '!' && startsWith(html, lt, "<!--")) {
                int end = indexOf(html, "-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            if (!isAsciiLetter(c)) {
                int gt = indexOf(html, '>', lt + 1);
                i = gt < 0 ? n : gt + 1;
                continue;
            }
            int j = lt + 1;
            while (j < n && !isSpace(html[j]) && html[j] != '>' && html[j] != '/') j++;
            String tag = tagName(html, lt + 1, j);
            if (tag == null) {
                // most tags (span, p, li, div …) matter only for an id: skip to their end unless they have one
                int gt = indexOf(html, '>', j);
                if (gt < 0) break;
                if (!hasId(html, j, gt)) {
                    i = gt + 1;
                    continue;
                }
            }
            i = t.read(html, j);
            if (t.id != null) ids.add(t.id);
            else if (tag == "a" && t.name != null) ids.add(t.name);
            String ref = null;
            if (tag == "a") ref = t.href;
            else if (tag == "link") {
                if (t.href != null && ("stylesheet".equals(t.rel) || "icon".equals(t.rel))) ref = t.href;
            } else if (tag == "script" || tag == "img") ref = t.src;
            else if (tag == "form") ref = t.action;
            // interned: the same links (the sidebar lists every guide on every page) are then held once for the
            // whole site, not once per page, which made the memory of a 5,000-page build grow with pages squared
            if (ref != null) refs.add(ref.intern());
            if (tag == "script" || tag == "style" || tag == "textarea" || tag == "title") {
                int close = indexOfIgnoreCase(html, "</" + tag, i);
                i = close < 0 ? n : close;
            }
        }
        return new PageLinks(page, List.copyOf(refs), ids);
    }

    private static int indexOf(byte[] b, char c, int from) {
        for (int k = Math.max(0, from); k < b.length; k++) if (b[k] == c) return k;
        return -1;
    }

    private static int indexOf(byte[] b, String s, int from) {
        for (int k = indexOf(b, s.charAt(0), from); k >= 0; k = indexOf(b, s.charAt(0), k + 1)) {
            if (startsWith(b, k, s)) return k;
        }
        return -1;
    }

    /** Whether the ASCII text {@code s} is at {@code at}. */
    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) return false;
        for (int k = 0; k < s.length(); k++) if (b[at + k] != s.charAt(k)) return false;
        return true;
    }

    /** Whether the ASCII text {@code s} (lower case) is at {@code at}, in any case. */
    private static boolean startsWithIgnoreCase(byte[] b, int at, String s) {
        if (at + s.length() > b.length) return false;
        for (int k = 0; k < s.length(); k++) {
            int c = b[at + k];
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != s.charAt(k)) return false;
        }
        return true;
    }

    /** Tags whose attributes matter, as constants (compared by identity); null for any other tag. */
    private static final String[] TAGS = {"a", "link", "script", "img", "form", "style", "textarea", "title"};

    private static String tagName(byte[] html, int from, int to) {
        for (String tag : TAGS) {
            if (tag.length() == to - from && startsWithIgnoreCase(html, from, tag)) return tag;
        }
        return null;
    }

    /** Whether {@code html[from, to)} has an attribute named id (or ending in id: then it is read in full). */
    private static boolean hasId(byte[] html, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            byte c = html[k];
            if ((c == 'd' || c == 'D') && (html[k - 1] == 'i' || html[k - 1] == 'I')) return true;
        }
        return false;
    }

    private static boolean isAsciiLetter(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The attributes of one tag that links and anchors are made of (first one wins); the others are skipped unread. */
    private static final class Tag {
        String id;
        String name;
        String href;
        String src;
        String action;
        String rel;

        /** Reads the attributes after a tag name; returns the index after {@code >}. */
        int read(byte[] html, int j) {
            id = name = href = src = action = rel = null;
            int n = html.length;
            while (j < n) {
                byte c = html[j];
                if (c == '>') return j + 1;
                if (isSpace(c) || c == '/') {
                    j++;
                    continue;
                }
                int start = j;
                while (j < n && !isSpace(html[j]) && html[j] != '=' && html[j] != '>' && html[j] != '/') j++;
                int nameEnd = j;
                while (j < n && isSpace(html[j])) j++;
                int vs = j;
                int ve = j;
                if (j < n && html[j] == '=') {
                    j++;
                    while (j < n && isSpace(html[j])) j++;
                    if (j < n && (html[j] == '"' || html[j] == '\'')) {
                        byte q = html[j];
                        int end = j + 1;
                        while (end < n && html[end] != q) end++;
                        vs = j + 1;
                        ve = end;
                        j = Math.min(n, end + 1);
                    } else {
                        vs = j;
                        while (j < n && !isSpace(html[j]) && html[j] != '>') j++;
                        ve = j;
                    }
                }
                switch (nameEnd - start) {
                    case 2 -> {
                        if (id == null && startsWithIgnoreCase(html, start, "id")) id = value(html, vs, ve);
                    }
                    case 3 -> {
                        if (src == null && startsWithIgnoreCase(html, start, "src")) src = value(html, vs, ve);
                        else if (rel == null && startsWithIgnoreCase(html, start, "rel")) rel = value(html, vs, ve);
                    }
                    case 4 -> {
                        if (href == null && startsWithIgnoreCase(html, start, "href")) href = value(html, vs, ve);
                        else if (name == null && startsWithIgnoreCase(html, start, "name")) name = value(html, vs, ve);
                    }
                    case 6 -> {
                        if (action == null && startsWithIgnoreCase(html, start, "action")) action = value(html, vs, ve);
                    }
                    default -> {
                    }
                }
            }
            return n;
        }

        private static String value(byte[] html, int from, int to) {
            String v = new String(html, from, to - from, StandardCharsets.UTF_8);
            return v.indexOf('&') >= 0 ? org.jsoup.parser.Parser.unescapeEntities(v, true) : v;
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static int indexOfIgnoreCase(byte[] b, String what, int from) {
        for (int k = indexOf(b, '<', from); k >= 0; k = indexOf(b, '<', k + 1)) {
            if (startsWithIgnoreCase(b, k, what)) return k;
        }
        return -1;
    }


    /**
     * @param pages the scanned pages, in the order messages should follow
     * @param files other site paths the build writes
     * @return one message per broken link, {@code "<page>: broken link <href>"}, in page order
     */
    public static List<String> resolve(List<PageLinks> pages, Set<String> files) {
        Map<String, PageLinks> byPath = new HashMap<>();
        for (PageLinks p : pages) byPath.put(p.page(), p);
        if (pages.size() < PARALLEL) return broken(pages, byPath, files);
        // a large site's pages checked in runs on every core (hundreds of thousands of links), joined in page order
        List<List<PageLinks>> runs = new ArrayList<>();
        for (int i = 0; i < pages.size(); i += PARALLEL / 4) runs.add(pages.subList(i, Math.min(pages.size(), i + PARALLEL / 4)));
        List<String> broken = new ArrayList<>();
        try {
            for (List<String> b : Parallel.map(runs, run -> broken(run, byPath, files))) broken.addAll(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the check reads no file
        }
        return broken;
    }

    /** Pages from which the link check runs on every core. */
    private static final int PARALLEL = 2_000;

    private static List<String> broken(List<PageLinks> pages, Map<String, PageLinks> byPath, Set<String> files) {
        List<String> broken = new ArrayList<>();
        for (PageLinks p : pages) {
            for (String ref : p.refs()) {
                if (!resolves(p.page(), ref, byPath, files)) broken.add(p.page() + ": broken link " + ref);
            }
        }
        return broken;
    }

    static boolean resolves(String page, String ref, Map<String, PageLinks> pages, Set<String> files) {
        if (ref.isEmpty()) return false;
        int simple = simple(ref);
        if (simple >= 0) {
            // what the URI path below gives for it, without parsing two URIs per link (a page has a hundred)
            String target = simple == 0 ? page : ref.substring(1, ref.indexOf('#') < 0 ? ref.length() : ref.indexOf('#'));
            return found(target, ref.indexOf('#') < 0 ? null : ref.substring(ref.indexOf('#') + 1), pages, files);
        }
        return resolvesByUri(page, ref, pages, files);
    }

    /** As {@link #resolves}, by the URI rules for every link (relative paths, escapes, dot segments, other sites). */
    static boolean resolvesByUri(String page, String ref, Map<String, PageLinks> pages, Set<String> files) {
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
        return found(path.substring(1), u.getFragment(), pages, files);
    }

    /**
     * Whether {@code ref} is a link whose target needs no URI parsing, and which: 0 for a fragment on the page itself
     * ({@code #step-s1}), 1 for a site path ({@code /zh/go/}, {@code /assets/site.css#x}), -1 for anything else.
     * Only unreserved characters and slashes are taken (nothing to decode or normalize: no {@code %}, no dot segment).
     */
    static int simple(String ref) {
        int kind;
        int i;
        if (ref.charAt(0) == '#') {
            kind = 0;
            i = 1;
        } else if (ref.charAt(0) == '/' && !ref.startsWith("//")) {
            kind = 1;
            i = 1;
        } else {
            return -1;
        }
        boolean inFragment = kind == 0;
        char prev = '/';
        for (; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c == '#' && !inFragment) {
                inFragment = true;
            } else if (c == '/' && !inFragment) {
                if (prev == '/') return -1;
            } else if (c == '.' && !inFragment && prev == '/') {
                return -1; // a dot segment, or a name starting with a dot: left to the URI rules
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~')) {
                return -1;
            }
            prev = c;
        }
        return kind;
    }

    /** Whether the site has {@code target} (a folder meaning its index.html) and, if given, the id {@code frag} on it. */
    private static boolean found(String target, String frag, Map<String, PageLinks> pages, Set<String> files) {
        if (target.isEmpty() || target.endsWith("/")) target += "index.html";
        if (!pages.containsKey(target) && !files.contains(target)) {
            if (pages.containsKey(target + "/index.html")) target += "/index.html";
            else return false;
        }
        if (frag == null || frag.isEmpty()) return true;
        if (!pages.containsKey(target)) return false;
        return pages.get(target).ids().contains(frag);
    }
}
