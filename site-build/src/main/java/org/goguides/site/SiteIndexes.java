package org.goguides.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.results.ResultStore;
import org.goguides.site.view.BuildException;
import org.goguides.site.render.LinkChecker;
import org.goguides.site.render.Parallel;
import org.goguides.site.render.Phases;
import org.goguides.site.render.Redirects;
import org.goguides.site.render.SearchIndex;
import org.goguides.site.render.SiteWriter;
import org.goguides.site.render.Sitemap;
import org.goguides.site.view.ReadingOrder;
import org.goguides.site.view.ViewFactory;
import org.goguides.site.view.Views;
import org.goguides.site.view.Views.GuideLink;
import org.goguides.site.view.Views.IndexPageView;
import org.goguides.site.view.Views.NotFoundPageView;
import org.goguides.site.view.Views.RootPageView;

/**
 * The rest of the site once the guide pages are written: per language its index, verification overview
 * and 404 page, the root page, a redirect page per old URL, the search indexes (joined in page order),
 * sitemap.xml, robots.txt, Netlify's {@code _redirects} and the merged results; then every link is checked.
 */
final class SiteIndexes {
    private final Content content;
    private final GuidePages guidePages;
    private final SiteWriter.Staged out;
    private final Map<String, List<GuideLink>> perLang = new LinkedHashMap<>();
    private final Map<String, List<byte[]>> search = new LinkedHashMap<>();
    private final List<Sitemap.Entry> sitemap = new ArrayList<>();
    private final List<LinkChecker.PageLinks> links = new ArrayList<>();
    private final List<String[]> aliases = new ArrayList<>();

    /** What the site build leaves: how many pages it wrote and the broken internal links it found. */
    record Rendered(int pages, List<String> brokenLinks) {
    }

    private SiteIndexes(Content content, GuidePages guidePages, SiteWriter.Staged out) {
        this.content = content;
        this.guidePages = guidePages;
        this.out = out;
    }

    /** Writes the rest of the site for the published guides of {@code content}, given their written pages in the same order. */
    static Rendered write(Content content, GuidePages guidePages, List<GuidePages.Written> written, SiteWriter.Staged out) throws IOException {
        return new SiteIndexes(content, guidePages, out).write(written);
    }

    /**
     * Where a language's search index is published. Not fingerprinted: it is complete only after the
     * last page, while every page names it; it is fetched only when a reader searches, and revalidated
     * then (see netlify.toml), which costs a 304 when it did not change.
     */
    static String searchPath(String lang) {
        return "search/" + lang + ".json";
    }

    private Rendered write(List<GuidePages.Written> written) throws IOException {
        guidePages.done();
        List<Guide> guides = content.guides();
        for (String l : content.site().languages()) {
            perLang.put(l, new ArrayList<>());
            search.put(l, new ArrayList<>());
        }
        for (int i = 0; i < guides.size(); i++) {
            GuidePages.Written w = written.get(i);
            perLang.get(guides.get(i).locale()).add(w.link());
            search.get(guides.get(i).locale()).add(w.search());
            sitemap.add(w.sitemap());
            links.add(w.links());
            for (String alias : w.aliases()) aliases.add(new String[] {alias, w.link().url(), w.link().title()});
        }
        Map<String, byte[]> files = new LinkedHashMap<>(guidePages.assets.files());
        for (String l : content.site().languages()) out.write(searchPath(l), SearchIndex.parts(search.get(l)));
        search.clear();
        Phases.mark("search index");
        Map<String, Supplier<String>> make = pages();
        files.put("_redirects", redirects(make));
        List<String> paths = new ArrayList<>(make.keySet());
        links.addAll(Parallel.map(paths, path -> {
            byte[] bytes = make.get(path).get().getBytes(StandardCharsets.UTF_8);
            out.write(path, bytes);
            return LinkChecker.scan(path, bytes);
        }));
        addIndexesToSitemap();
        files.put("sitemap.xml", Sitemap.xml(content.site().baseUrl(), sitemap).getBytes(StandardCharsets.UTF_8));
        files.put("robots.txt", Sitemap.robots(content.site().baseUrl()).getBytes(StandardCharsets.UTF_8));
        // the merged results this site shows, so a deploy preview can reuse the badges of other hosts
        files.put("results/all.json", ResultStore.mergedJson(guidePages.results.runs()));
        for (Map.Entry<String, byte[]> e : files.entrySet()) out.write(e.getKey(), e.getValue());
        Phases.mark("other pages and files");
        // links may name every file written: these, and the badges written with their guide pages
        Set<String> targets = new HashSet<>(files.keySet());
        for (String l : content.site().languages()) targets.add(searchPath(l));
        guidePages.listing.badgeLocale().keySet().forEach(slug -> targets.addAll(List.of("badges/" + slug + ".svg", "badges/" + slug + ".json")));
        List<String> broken = LinkChecker.resolve(links, targets);
        Phases.mark("links");
        return new Rendered(guides.size() + paths.size(), broken);
    }

    /** The pages besides the guides', by path, each made when asked (on every core): per language its index, overview and 404 page, then the root. */
    private Map<String, Supplier<String>> pages() {
        Map<String, Guide> byKey = new HashMap<>();
        for (Guide g : content.guides()) byKey.putIfAbsent(g.slug() + "/" + g.locale(), g);
        ViewFactory views = guidePages.views;
        var templates = guidePages.templates;
        Map<String, Supplier<String>> make = new LinkedHashMap<>();
        for (String l : content.site().languages()) {
            String path = "/" + l + "/";
            make.put(l + "/index.html", () -> templates.render("index.ftlh", index(views.page(l, path, null), perLang.get(l),
                    guidePages.listing.order().slugs(l))));
            make.put(l + "/verification/index.html", () -> templates.render("overview.ftlh",
                    OverviewPage.of(l, byKey, guidePages.results, views, perLang.get(l))));
            make.put(l + "/404.html", () -> templates.render("404.ftlh", new NotFoundPageView(views.page(l, "/" + l + "/404.html", null))));
        }
        String def = content.site().defaultLanguage();
        make.put("index.html", () -> templates.render("root.ftlh", new RootPageView(views.page(def, "/" + def + "/", null).languages(),
                content.site().title(def), "/" + def + "/", guidePages.assets.urls())));
        make.put("404.html", make.get(def + "/404.html"));
        return make;
    }

    /** Old URLs of guides (front matter aliases): a redirect page each in {@code make}, and Netlify's redirect rules. */
    private byte[] redirects(Map<String, Supplier<String>> make) {
        StringBuilder redirects = new StringBuilder("# Old URLs of guides (front matter aliases), written by the site build\n");
        String base = content.site().baseUrl().replaceAll("/$", "");
        Set<String> guideFiles = new HashSet<>();
        for (Guide g : content.guides()) guideFiles.add(g.locale() + "/" + g.slug() + "/index.html");
        for (String[] a : aliases) {
            String alias = a[0];
            String target = a[1];
            String file = alias.endsWith(".html") ? alias.substring(1) : alias.substring(1) + "index.html";
            if (make.containsKey(file) || guideFiles.contains(file)) {
                throw new BuildException(target + ": alias " + alias + " is the address of another page (choose an old URL no page has)");
            }
            make.put(file, () -> Redirects.page(base + target, target, a[2], content.site().title(content.site().defaultLanguage())));
            redirects.append(alias).append(' ').append(target).append(" 301\n");
        }
        return redirects.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each language's index and overview, with their translations as alternates. */
    private void addIndexesToSitemap() {
        List<String> languages = content.site().languages();
        for (String l : languages) {
            for (String page : List.of("/", "/verification/")) {
                List<Sitemap.Alternate> alts = new ArrayList<>();
                for (String o : languages) alts.add(new Sitemap.Alternate(ViewFactory.htmlLang(o), "/" + o + page));
                sitemap.add(new Sitemap.Entry("/" + l + page, null, alts));
            }
        }
    }

    /** A language's home page: its guides in reading order (the first is where to start), under their groups. */
    private static IndexPageView index(Views.PageContext page, List<GuideLink> guides, List<String> order) {
        Map<String, Integer> place = new HashMap<>();
        for (int i = 0; i < order.size(); i++) place.putIfAbsent(order.get(i), i);
        List<GuideLink> sorted = new ArrayList<>(guides);
        sorted.sort(Comparator.comparingInt(g -> place.getOrDefault(g.slug(), Integer.MAX_VALUE)));
        Map<String, List<GuideLink>> groups = new LinkedHashMap<>();
        for (GuideLink g : sorted) groups.computeIfAbsent(g.group(), k -> new ArrayList<>()).add(g);
        List<Views.GuideGroup> out = new ArrayList<>();
        groups.forEach((title, list) -> out.add(new Views.GuideGroup(title, ReadingOrder.groupAnchor(out.size()), List.copyOf(list))));
        return new IndexPageView(page, sorted, sorted.isEmpty() ? null : sorted.get(0), out);
    }
}
