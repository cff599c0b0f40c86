package org.goguides.site.render;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds broken internal links before anything is published: every {@code href} and {@code src} of
 * every page that stays on the site must name a page or file the build writes, and a
 * {@code #fragment} must name an {@code id} on the target page. External links are not fetched.
 */
public final class LinkChecker {
    private LinkChecker() {
    }

    /**
     * @param pages site path (e.g. {@code en/go/index.html}) to HTML
     * @param files other site paths the build writes (assets, sitemap, search index)
     * @return one message per broken link, {@code "<page>: broken link <href>"}, in page order
     */
    public static List<String> check(Map<String, String> pages, Set<String> files) {
        Map<String, Document> docs = new HashMap<>();
        Map<String, Set<String>> ids = new HashMap<>();
        for (Map.Entry<String, String> e : pages.entrySet()) docs.put(e.getKey(), Jsoup.parse(e.getValue()));
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, String> e : pages.entrySet()) {
            String page = e.getKey();
            Set<String> seen = new HashSet<>();
            for (Element el : docs.get(page).select("a[href], link[href], script[src], img[src], form[action]")) {
                String ref = el.hasAttr("href") ? el.attr("href") : el.hasAttr("src") ? el.attr("src") : el.attr("action");
                if (el.tagName().equals("link") && !"stylesheet".equals(el.attr("rel")) && !"icon".equals(el.attr("rel"))) continue;
                if (!seen.add(ref)) continue;
                if (!resolves(page, ref, pages, files, docs, ids)) broken.add(page + ": broken link " + ref);
            }
        }
        return broken;
    }

    private static boolean resolves(String page, String ref, Map<String, String> pages, Set<String> files,
                                    Map<String, Document> docs, Map<String, Set<String>> ids) {
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
        Set<String> have = ids.computeIfAbsent(target, t -> {
            Set<String> s = new HashSet<>();
            for (Element el : docs.get(t).select("[id], a[name]")) s.add(el.hasAttr("id") ? el.id() : el.attr("name"));
            return s;
        });
        return have.contains(frag);
    }
}
