package org.goguides.site;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.FrontMatter;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import org.goguides.site.render.AssetManifest;
import org.goguides.site.render.BuildException;
import org.goguides.site.render.GitInfo;
import org.goguides.site.render.GuideBadge;
import org.goguides.site.render.LinkChecker;
import org.goguides.site.render.SearchIndex;
import org.goguides.site.render.Sitemap;
import org.goguides.site.render.MarkdownRenderer;
import org.goguides.site.render.Parallel;
import org.goguides.site.render.Phases;
import org.goguides.site.render.Redirects;
import org.goguides.site.render.SiteUrl;
import org.goguides.site.render.SocialCard;
import org.goguides.site.render.SiteWriter;
import org.goguides.site.render.Templates;
import org.goguides.site.view.Messages;
import org.goguides.site.view.InlineMarkdown;
import org.goguides.site.view.ReadingOrder;
import org.goguides.site.view.ResultIndex;
import org.goguides.site.view.Verification;
import org.goguides.site.view.ViewFactory;
import org.goguides.site.view.Views;
import org.goguides.site.view.Views.CountView;
import org.goguides.site.view.Views.GuideLink;
import org.goguides.site.view.Views.GuidePageView;
import org.goguides.site.view.Views.HostColumn;
import org.goguides.site.view.Views.IndexPageView;
import org.goguides.site.view.Views.LanguageLink;
import org.goguides.site.view.Views.LastUpdatedView;
import org.goguides.site.view.Views.TocEntry;
import org.goguides.site.view.Views.NotFoundPageView;
import org.goguides.site.view.Views.OverviewCell;
import org.goguides.site.view.Views.OverviewPageView;
import org.goguides.site.view.Views.OverviewRow;
import org.goguides.site.view.Views.RootPageView;
import org.goguides.site.view.Views.SnippetView;

/**
 * Renders the site from content, templates and any number of results files: a page per guide
 * translation, an index and a verification overview per language, a language choice at the root,
 * 404 pages, fingerprinted assets, a search index per language, sitemap.xml and robots.txt. Refuses to
 * build when the content has authoring errors or a page has a broken internal link; writes atomically.
 */
public final class SiteBuilder {
    /** For {@code serve}: templates parsed once and guide bodies kept between builds; null for a one-off build. */
    private final Reuse reuse;

    /** A builder for one build. */
    public SiteBuilder() {
        this.reuse = null;
    }

    /**
     * A builder for many builds of the same site ({@code serve}): templates stay parsed (a changed
     * template file is re-read) and the body of a guide whose text and inputs did not change is
     * not rendered again.
     */
    public static SiteBuilder forRebuilds() {
        return new SiteBuilder(new Reuse());
    }

    private SiteBuilder(Reuse reuse) {
        this.reuse = reuse;
    }

    /** What a long-lived builder keeps between builds. */
    private static final class Reuse {
        final Map<Path, Templates> templates = new java.util.concurrent.ConcurrentHashMap<>();
        volatile Map<String, GuideBody> bodies = Map.of();
        final ContentLoader.Cache guides = new ContentLoader.Cache();
    }

    /**
     * @param content the content folder
     * @param templates the templates folder (with {@code static/} and {@code i18n/})
     * @param results results folders or files to merge
     * @param out the site folder to (re)place
     * @param guides slugs to build, all when empty
     * @param displayBase paths in messages are relative to this folder
     */
    public record Options(Path content, Path templates, List<Path> results, Path out, Set<String> guides, Path displayBase,
                          Duration maxAge, String baseUrl) {
        /** With the default age after which a result is marked as old. */
        public Options(Path content, Path templates, List<Path> results, Path out, Set<String> guides, Path displayBase) {
            this(content, templates, results, out, guides, displayBase, ResultIndex.DEFAULT_MAX_AGE);
        }

        /** With site.yml's base URL. */
        public Options(Path content, Path templates, List<Path> results, Path out, Set<String> guides, Path displayBase, Duration maxAge) {
            this(content, templates, results, out, guides, displayBase, maxAge, "");
        }
    }

    /** What a build did: pages written, authoring errors (then nothing was written), warnings about results. */
    public record Report(int pages, List<Problem> problems, List<Problem> warnings) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Builds the site in one pass over the guides: each guide file is parsed once, and its page is
     * rendered, written to the staged folder and link-scanned right away, on every core, while the
     * tree is in memory. Authoring errors anywhere discard the staged folder: nothing is written.
     */
    public Report build(Options o) throws IOException {
        Phases.mark("(before the build)");
        // git runs in the background while the guides are parsed and rendered
        CompletableFuture<GitInfo> git = CompletableFuture.supplyAsync(() -> GitInfo.read(o.content()), Parallel.BACKGROUND);
        // the guide files are listed in the background too, while settings and results are read
        CompletableFuture<Listing.Scan> listed = CompletableFuture.supplyAsync(() -> {
            try {
                return Listing.scan(o.content(), o.guides());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Parallel.BACKGROUND);
        // and the results files, while the settings are read here
        List<Problem> resultWarnings = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<ResultIndex> results = CompletableFuture.supplyAsync(() -> new ResultIndex(
                ResultStore.loadAll(o.results(), resultWarnings), ResultStore.history(o.results(), resultWarnings), Instant.now(), o.maxAge()),
                Parallel.BACKGROUND);
        Content settings = SiteUrl.withBaseUrl(new ContentLoader(o.content(), o.displayBase()).loadSettings(), o.baseUrl());
        Phases.mark("settings");
        ResultIndex index = results.join();
        List<Problem> warnings = new ArrayList<>(resultWarnings);
        Phases.mark("results (waited)");
        Listing listing;
        try {
            listing = listed.join().forSite(settings.site());
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) throw u.getCause();
            throw e;
        }
        Phases.mark("listing (waited)");
        int pages;
        try (SiteWriter.Staged staged = SiteWriter.stage(o.out())) {
            GuidePages guidePages = new GuidePages(settings, listing, index, o.templates(), () -> git.join(), staged::write, staged::write);
            Phases.mark("guide pages set up");
            Map<String, Written> written = new java.util.concurrent.ConcurrentHashMap<>();
            boolean settingsOk = settings.problems().isEmpty();
            Content content = ParallelLoad.load(o.content(), o.displayBase(), o.guides(), reuse == null ? null : reuse.guides,
                    settings, MarkdownRenderer::parse, (g, tree, clean) -> {
                        if (!clean || !settingsOk) return; // the build fails: nothing will be written
                        if (listing.draft(g)) return; // checked, not published
                        try {
                            written.put(g.slug() + "/" + g.locale(), guidePages.render(g, tree));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            if (reuse != null) reuse.guides.retainUsed();
            Phases.mark("guide pages (load and render)");
            List<Problem> problems = new ArrayList<>(content.problems());
            if (o.guides().isEmpty()) problems.addAll(org.goguides.checks.parse.Series.problems(content.guides())); // after: links
            if (!problems.isEmpty()) return new Report(0, problems.stream().sorted().toList(), List.of());
            content = published(content);
            List<Written> inOrder = new ArrayList<>(content.guides().size());
            for (Guide g : content.guides()) inOrder.add(java.util.Objects.requireNonNull(written.get(g.slug() + "/" + g.locale())));
            written.clear();
            Rendered site = finish(content, guidePages, inOrder);
            if (!site.brokenLinks().isEmpty()) {
                // printed as is by the command line, which exits with 2; nothing is written
                throw new BuildException(String.join("\n", site.brokenLinks()) + "\n" + site.brokenLinks().size()
                        + (site.brokenLinks().size() == 1 ? " broken link" : " broken links") + "; nothing was written");
            }
            staged.commit();
            pages = site.pages();
            Phases.mark("commit");
            if (git.join().shallow()) warnings.add(Problem.at(String.valueOf(o.content()), 1,
                    "shallow git clone: \"last updated\" is left out for guides whose history is cut off (fetch with fetch-depth: 0)"));
            if (content.site().baseUrl().isBlank()) warnings.add(Problem.at(siteFile(o), 1,
                    "no site URL (--base-url, Netlify's URL or baseUrl in site.yml): sitemap.xml, canonical and OpenGraph URLs are relative and no social cards are made"));
        }
        return new Report(pages, List.of(), warnings);
    }

    /** The content without its drafts: they are checked and linted, never published. */
    private static Content published(Content c) {
        if (c.guides().stream().noneMatch(g -> g.meta().draft())) return c;
        return new Content(c.site(), c.platforms(), c.guides().stream().filter(g -> !g.meta().draft()).toList(), c.problems());
    }

    /** A rendered site: pages, other files (assets, search indexes, sitemap, robots) and broken internal links found. */
    public record Site(Map<String, String> pages, Map<String, byte[]> files, List<String> brokenLinks) {
    }

    /** Where rendered pages go as they are made: a staged folder on disk, or a map. */
    private interface PageSink {
        void write(String path, byte[] html) throws IOException;
    }

    /** Where other files go. */
    private interface FileSink {
        void write(String path, byte[] content) throws IOException;
    }

    /** What a streamed render leaves: how many pages it wrote and the broken links it found. */
    private record Rendered(int pages, List<String> brokenLinks) {
    }

    /** Every page of the site, by path inside the site. */
    Map<String, String> render(Content content, ResultIndex results, Path templatesDir) throws IOException {
        return renderSite(content, results, templatesDir, GitInfo.read(Path.of("content"))).pages();
    }

    /** The whole site in memory: pages, fingerprinted assets, search indexes, sitemap and robots.txt, with its links checked. */
    public Site renderSite(Content all, ResultIndex results, Path templatesDir, GitInfo git) throws IOException {
        Content content = published(all);
        Map<String, String> pages = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        Map<String, byte[]> files = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        GuidePages guidePages = new GuidePages(content, Listing.of(content), results, templatesDir, () -> git,
                (path, html) -> pages.put(path, new String(html, StandardCharsets.UTF_8)), files::put);
        List<Written> written = Parallel.map(content.guides(), g -> guidePages.render(g, null));
        Rendered r = finish(content, guidePages, written);
        return new Site(pages, files, r.brokenLinks());
    }

    /** A guide page written: its entry in the index, its sitemap entry, its links and its search entries. */
    private record Written(GuideLink link, Sitemap.Entry sitemap, LinkChecker.PageLinks links, byte[] search, List<String> aliases) {
    }

    /**
     * The guide translations a build will render, known before any guide is parsed: for the language
     * links of every page and the guide whose counts a README badge shows.
     */
    private record Listing(Set<String> translations, Map<String, String> badgeLocale, org.goguides.site.view.SeriesIndex series,
                           ReadingOrder order, Set<String> drafts) {

        /**
         * The guide files on disk, in the order the loader reads them, with their front matter (titles and
         * order for every page's sidebar, drafts); {@link Scan#forSite} then keeps the site's languages.
         */
        static Scan scan(Path contentDir, Set<String> only) throws IOException {
            Path guides = contentDir.resolve("guides");
            List<Path> files = new ArrayList<>();
            if (java.nio.file.Files.isDirectory(guides)) {
                try (var s = java.nio.file.Files.walk(guides, 2)) {
                    s.filter(java.nio.file.Files::isRegularFile).sorted().forEach(files::add);
                }
            }
            List<Found> keys = new ArrayList<>();
            for (Path f : files) {
                String lang = ContentLoader.guideLanguage(guides, f);
                String slug = f.getParent().getFileName().toString();
                if (lang != null && (only.isEmpty() || only.contains(slug))) keys.add(new Found(slug, lang, ContentLoader.peekFrontMatter(f)));
            }
            // the series (previous/next links) from the front matter of every guide, chosen or not
            List<String[]> all = new ArrayList<>();
            for (Path f : files) {
                String lang = ContentLoader.guideLanguage(guides, f);
                if (lang != null) all.add(new String[] {f.getParent().getFileName().toString(), lang});
            }
            return new Scan(keys, org.goguides.site.view.SeriesIndex.scan(guides, all));
        }

        /** A guide file found on disk. */
        record Found(String slug, String lang, FrontMatter meta) {
        }

        /** Guide files found on disk, and the series they form. */
        record Scan(List<Found> keys, org.goguides.site.view.SeriesIndex series) {
            Listing forSite(org.goguides.checks.model.SiteConfig site) {
                return of(keys.stream().filter(k -> site.languages().contains(k.lang())).toList(), site.defaultLanguage(), series);
            }
        }

        /** From guides already loaded. */
        static Listing of(Content content) {
            return of(content.guides().stream().map(g -> new Found(g.slug(), g.locale(), g.meta())).toList(), content.site().defaultLanguage(),
                    org.goguides.site.view.SeriesIndex.of(content.guides()));
        }

        private static Listing of(List<Found> all, String defaultLanguage, org.goguides.site.view.SeriesIndex series) {
            Set<String> translations = new java.util.HashSet<>();
            Set<String> drafts = new java.util.HashSet<>();
            Map<String, String> badge = new HashMap<>();
            List<ReadingOrder.Entry> entries = new ArrayList<>();
            for (Found k : all) {
                if (k.meta().draft()) {
                    drafts.add(ViewFactory.translationKey(k.slug(), k.lang()));
                    continue;
                }
                translations.add(ViewFactory.translationKey(k.slug(), k.lang()));
                entries.add(new ReadingOrder.Entry(k.slug(), k.lang(), k.meta().title(), k.meta().group(), k.meta().weight()));
                String had = badge.get(k.slug());
                // the default language's translation, else the first
                if (had == null || k.lang().equals(defaultLanguage) && !had.equals(defaultLanguage)) badge.put(k.slug(), k.lang());
            }
            return new Listing(translations, badge, series, new ReadingOrder(entries), drafts);
        }

        /** Whether a guide translation is a draft, checked but left out of the site. */
        boolean draft(Guide g) {
            return drafts.contains(ViewFactory.translationKey(g.slug(), g.locale())) || g.meta().draft();
        }
    }

    /**
     * Renders guide pages one at a time from any thread, and writes each with its README badge: what all
     * guide pages share (templates, interface text, assets, views) is set up once per build.
     */
    private final class GuidePages {
        final Content settings;
        final Listing listing;
        final ResultIndex results;
        final Templates templates;
        final AssetManifest assets;
        final ViewFactory views;
        final String inputs;
        final Map<String, GuideBody> kept = new java.util.concurrent.ConcurrentHashMap<>();
        final Supplier<GitInfo> git;
        final PageSink pageSink;
        final FileSink fileSink;

        GuidePages(Content settings, Listing listing, ResultIndex results, Path templatesDir, Supplier<GitInfo> git,
                   PageSink pageSink, FileSink fileSink) throws IOException {
            this.settings = settings;
            this.listing = listing;
            this.results = results;
            this.git = git;
            this.pageSink = pageSink;
            this.fileSink = fileSink;
            templates = reuse == null ? new Templates(templatesDir, false) : templatesFor(templatesDir);
            Map<String, Map<String, String>> messages = new HashMap<>();
            for (String l : settings.site().languages()) messages.put(l, Messages.load(templatesDir, l));
            assets = AssetManifest.of(templatesDir.resolve("static"));
            assets.append("site.css", new org.goguides.site.view.PlatformTags(settings.platforms()).css().getBytes(StandardCharsets.UTF_8));
            Map<String, String> urls = new HashMap<>(assets.urls());
            for (String l : settings.site().languages()) urls.put("search-" + l + ".json", "/" + searchPath(l));
            views = new ViewFactory(settings, listing.translations(), results, messages, urls, listing.order());
            // everything besides its own text that a guide body depends on: results, interface text, templates, assets
            inputs = reuse == null ? "" : inputsFingerprint(settings, results, templatesDir, assets);
        }

        /** Renders, writes and link-scans one guide page; {@code tree} is its parsed Markdown, or null to parse it here. */
        Written render(Guide g, com.vladsch.flexmark.util.ast.Document tree) throws IOException {
            GuideBody body = reusedOrRendered(g, tree, inputs, views, templates, kept);
            GuidePageView page = guidePage(g, body, views, git.get(), settings, listing.series());
            String path = g.locale() + "/" + g.slug() + "/index.html";
            String html = templates.render("guide.ftlh", page);
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            pageSink.write(path, bytes);
            if (g.locale().equals(listing.badgeLocale().get(g.slug()))) {
                GuideBadge.Counts c = GuideBadge.counts(page.counts());
                fileSink.write("badges/" + g.slug() + ".svg", GuideBadge.svg(c));
                fileSink.write("badges/" + g.slug() + ".json", GuideBadge.json(c));
            }
            List<Sitemap.Alternate> alts = new ArrayList<>();
            for (LanguageLink ll : page.page().languages()) if (ll.exists()) alts.add(new Sitemap.Alternate(ll.hreflang(), ll.url()));
            if (!page.ogImage().isEmpty()) fileSink.write(SocialCard.path(g.locale(), g.slug()),
                    SocialCard.png(page.title(), InlineMarkdown.text(g.meta().summary()), settings.site().title(g.locale()), page.counts()));
            String url = ViewFactory.guideUrl(g.locale(), g.slug());
            List<CountView> counts = page.counts().stream()
                    .map(c -> new CountView(c.status(), c.label(), c.count(), c.href().isEmpty() ? "" : url + c.href())).toList();
            return new Written(new GuideLink(g.slug(), page.title(), page.summary(), url,
                    counts, page.total(), page.summaryHtml(), g.meta().group()), new Sitemap.Entry(ViewFactory.guideUrl(g.locale(), g.slug()),
                    page.lastUpdated() == null ? null : page.lastUpdated().iso(), alts), LinkChecker.scan(path, bytes), body.search(), g.meta().aliases());
        }
    }

    /**
     * The rest of the site once the guide pages are written: indexes, overviews and 404 pages, the search
     * indexes (joined in page order), badges, sitemap and robots.txt; then every link is checked.
     */
    private Rendered finish(Content content, GuidePages gp, List<Written> written) throws IOException {
        if (reuse != null) reuse.bodies = gp.kept;
        List<Guide> guides = content.guides();
        ResultIndex results = gp.results;
        Templates templates = gp.templates;
        ViewFactory views = gp.views;
        AssetManifest assets = gp.assets;
        PageSink pageSink = gp.pageSink;
        FileSink fileSink = gp.fileSink;
        List<LinkChecker.PageLinks> links = new ArrayList<>();
        Map<String, List<GuideLink>> perLang = new LinkedHashMap<>();
        Map<String, List<byte[]>> search = new LinkedHashMap<>();
        List<Sitemap.Entry> sitemap = new ArrayList<>();
        List<String[]> aliases = new ArrayList<>();
        for (String l : content.site().languages()) {
            perLang.put(l, new ArrayList<>());
            search.put(l, new ArrayList<>());
        }
        for (int i = 0; i < guides.size(); i++) {
            Written w = written.get(i);
            perLang.get(guides.get(i).locale()).add(w.link());
            search.get(guides.get(i).locale()).add(w.search());
            sitemap.add(w.sitemap());
            links.add(w.links());
            for (String alias : w.aliases()) aliases.add(new String[] {alias, w.link().url(), w.link().title()});
        }
        written = null;
        Map<String, byte[]> files = new LinkedHashMap<>(assets.files());
        for (String l : content.site().languages()) files.put(searchPath(l), SearchIndex.json(search.get(l)));
        search = null;
        Phases.mark("search index");
        Map<String, Guide> byKey = new HashMap<>();
        for (Guide g : guides) byKey.putIfAbsent(g.slug() + "/" + g.locale(), g);
        // the other pages, on every core: per language its index, verification overview and 404 page, then the root
        Map<String, Supplier<String>> make = new LinkedHashMap<>();
        for (String l : content.site().languages()) {
            String path = "/" + l + "/";
            make.put(l + "/index.html", () -> templates.render("index.ftlh", index(views.page(l, path, null), perLang.get(l), gp.listing.order().slugs(l))));
            make.put(l + "/verification/index.html", () -> templates.render("overview.ftlh", overview(l, byKey, results, views, perLang.get(l))));
            make.put(l + "/404.html", () -> templates.render("404.ftlh", new NotFoundPageView(views.page(l, "/" + l + "/404.html", null))));
        }
        String def = content.site().defaultLanguage();
        make.put("index.html", () -> templates.render("root.ftlh", new RootPageView(views.page(def, "/" + def + "/", null).languages(),
                content.site().title(def), "/" + def + "/", assets.urls())));
        make.put("404.html", make.get(def + "/404.html"));
        // old URLs of guides (front matter aliases): a redirect page each, and Netlify's redirect rules
        StringBuilder redirects = new StringBuilder("# Old URLs of guides (front matter aliases), written by the site build\n");
        String base = content.site().baseUrl().replaceAll("/$", "");
        Set<String> guideFiles = new java.util.HashSet<>();
        for (Guide g : guides) guideFiles.add(g.locale() + "/" + g.slug() + "/index.html");
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
        files.put("_redirects", redirects.toString().getBytes(StandardCharsets.UTF_8));
        List<String> paths = new ArrayList<>(make.keySet());
        links.addAll(Parallel.map(paths, path -> {
            byte[] bytes = make.get(path).get().getBytes(StandardCharsets.UTF_8);
            pageSink.write(path, bytes);
            return LinkChecker.scan(path, bytes);
        }));
        int otherPages = paths.size();
        for (String l : content.site().languages()) {
            List<Sitemap.Alternate> alts = new ArrayList<>();
            for (String o : content.site().languages()) alts.add(new Sitemap.Alternate(ViewFactory.htmlLang(o), "/" + o + "/"));
            sitemap.add(new Sitemap.Entry("/" + l + "/", null, alts));
            List<Sitemap.Alternate> altsV = new ArrayList<>();
            for (String o : content.site().languages()) altsV.add(new Sitemap.Alternate(ViewFactory.htmlLang(o), "/" + o + "/verification/"));
            sitemap.add(new Sitemap.Entry("/" + l + "/verification/", null, altsV));
        }
        files.put("sitemap.xml", Sitemap.xml(content.site().baseUrl(), sitemap).getBytes(StandardCharsets.UTF_8));
        files.put("robots.txt", Sitemap.robots(content.site().baseUrl()).getBytes(StandardCharsets.UTF_8));
        // the merged results this site shows, so a deploy preview can reuse the badges of other hosts
        files.put("results/all.json", ResultStore.mergedJson(results.runs()));
        for (Map.Entry<String, byte[]> e : files.entrySet()) fileSink.write(e.getKey(), e.getValue());
        Phases.mark("other pages and files");
        // links may name every file written: these, and the badges written with their guide pages
        Set<String> targets = new java.util.HashSet<>(files.keySet());
        gp.listing.badgeLocale().keySet().forEach(slug -> targets.addAll(List.of("badges/" + slug + ".svg", "badges/" + slug + ".json")));
        List<String> broken = LinkChecker.resolve(links, targets);
        Phases.mark("links");
        return new Rendered(guides.size() + otherPages, broken);
    }

    /**
     * A guide's body HTML (snippets rendered, callouts and TOC done), what its page shows of its snippets
     * (counts per status and per platform), and its search sections.
     */
    private record GuideBody(String html, List<TocEntry> toc, List<CountView> counts, int total,
                             List<Views.PlatformSummaryView> platformSummaries, byte[] search) {
    }

    /**
     * Where a language's search index is published. Not fingerprinted: it is complete only after the
     * last page, while every page names it; it is fetched only when a reader searches, and revalidated
     * then (see netlify.toml), which costs a 304 when it did not change.
     */
    static String searchPath(String lang) {
        return "search/" + lang + ".json";
    }

    private Templates templatesFor(Path dir) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        Templates t = reuse.templates.get(key);
        if (t == null) {
            t = new Templates(key, true);
            reuse.templates.put(key, t);
        }
        return t;
    }

    /** The body of the previous build when the guide and everything it depends on are unchanged, else a new one. */
    private GuideBody reusedOrRendered(Guide g, com.vladsch.flexmark.util.ast.Document tree, String inputs, ViewFactory views,
                                       Templates templates, Map<String, GuideBody> kept) {
        if (reuse == null) return guideBody(g, tree, views, templates);
        String key = inputs + "\0" + g.displayPath() + "\0" + g.markdown();
        GuideBody b = reuse.bodies.get(key);
        if (b == null) b = guideBody(g, tree, views, templates);
        kept.put(key, b);
        return b;
    }

    /** Identifies the inputs of guide bodies other than their Markdown, so a body can be reused while they hold. */
    private static String inputsFingerprint(Content content, ResultIndex results, Path templatesDir, AssetManifest assets) throws IOException {
        StringBuilder b = new StringBuilder(results.fingerprint()).append('|').append(content.site()).append('|')
                .append(content.platforms().all()).append('|').append(assets.urls()).append('|')
                .append(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        try (var files = java.nio.file.Files.walk(templatesDir)) {
            for (Path f : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile).sorted()::iterator) {
                b.append('|').append(f).append(':').append(java.nio.file.Files.getLastModifiedTime(f).toMillis())
                        .append(':').append(java.nio.file.Files.size(f));
            }
        }
        return b.toString();
    }

    /** The site settings file as the user names it (under {@code --content}, relative to where the command runs). */
    private static String siteFile(Options o) {
        Path f = o.content().resolve("site.yml").toAbsolutePath().normalize();
        Path base = o.displayBase().toAbsolutePath().normalize();
        return (f.startsWith(base) ? base.relativize(f) : f).toString().replace('\\', '/');
    }

    private GuideBody guideBody(Guide g, com.vladsch.flexmark.util.ast.Document tree, ViewFactory views, Templates templates) {
        Map<Integer, String> blocks = new HashMap<>();
        List<SnippetView> snippetViews = new ArrayList<>();
        snippetViews.addAll(views.snippets(g));
        List<String> html = templates.renderEach("partials/snippet.ftlh", snippetViews);
        for (int i = 0; i < g.snippets().size(); i++) {
            Snippet s = g.snippets().get(i);
            blocks.put(s.pos().line(), html.get(i));
            if (s.expected() != null) blocks.put(s.expected().line() - 1, "");
        }
        Map<String, String> t = views.t(g.locale());
        Map<String, String> alerts = new HashMap<>();
        for (String k : List.of("note", "tip", "important", "warning", "caution")) alerts.put(k, Messages.text(t, "alert." + k));
        MarkdownRenderer.Body body = MarkdownRenderer.render(tree != null ? tree : MarkdownRenderer.parse(g.markdown()),
                line -> blocks.getOrDefault(line, ""), alerts);
        byte[] search = SearchIndex.page(ViewFactory.guideUrl(g.locale(), g.slug()), g.meta().title(), InlineMarkdown.text(g.meta().summary()),
                readable(body.sections()));
        return new GuideBody(body.html(), body.toc(), views.counts(snippetViews, g.locale()), snippetViews.size(),
                views.platformSummaries(snippetViews, g.locale()), search);
    }

    /** Search excerpts show a pattern's wildcards as what they mean to a reader: {@code [..]} as "…". */
    private static List<MarkdownRenderer.Section> readable(List<MarkdownRenderer.Section> sections) {
        List<MarkdownRenderer.Section> out = new ArrayList<>(sections.size());
        for (MarkdownRenderer.Section s : sections) {
            out.add(s.text().contains("[..]") ? new MarkdownRenderer.Section(s.anchor(), s.heading(), s.text().replace("[..]", "…")) : s);
        }
        return out;
    }

    private GuidePageView guidePage(Guide g, GuideBody b, ViewFactory views, GitInfo git, Content content,
                                    org.goguides.site.view.SeriesIndex series) {
        String repo = content.site().repoUrl().replaceAll("/$", "");
        String repoPath = git.repoPath(g.file());
        if (repoPath == null) repoPath = g.displayPath();
        String editUrl = repo.isBlank() ? "" : repo + "/edit/HEAD/" + repoPath;
        LastUpdatedView updated;
        if (!g.meta().lastmod().isEmpty()) updated = new LastUpdatedView(g.meta().lastmod(), g.meta().lastmod(), "");
        else {
            GitInfo.LastUpdated lu = git.lastUpdated(g.file());
            String day = lu.date() == null ? null : lu.date().atZone(ZoneOffset.UTC).toLocalDate().toString();
            updated = day == null ? new LastUpdatedView("", "", lu.reason()) : new LastUpdatedView(day, day, "");
        }
        String url = ViewFactory.guideUrl(g.locale(), g.slug());
        String summaryText = InlineMarkdown.text(g.meta().summary());
        String description = g.meta().description().isEmpty() ? summaryText : g.meta().description();
        String base = content.site().baseUrl().replaceAll("/$", "");
        String ogImage = base.isEmpty() ? "" : base + "/" + SocialCard.path(g.locale(), g.slug());
        return new GuidePageView(views.page(g.locale(), url, g.slug()), g.slug(),
                g.meta().title(), summaryText, b.html(), b.counts(), b.total(), g.meta().platforms(), ViewFactory.tocTree(b.toc()),
                editUrl, updated, b.platformSummaries(), views.legend(g.locale()), series.nav(g.slug(), g.locale()), InlineMarkdown.html(g.meta().summary()), description,
                views.nav(g.locale(), g.slug()), views.neighbour(g.locale(), g.slug(), -1), views.neighbour(g.locale(), g.slug(), 1),
                g.meta().tags(), g.meta().date(), ogImage);
    }

    /**
     * A language's home page: its guides in reading order (the first is where to start), under their groups.
     */
    private static IndexPageView index(Views.PageContext page, List<GuideLink> guides, List<String> order) {
        List<GuideLink> sorted = new ArrayList<>(guides);
        sorted.sort(java.util.Comparator.comparingInt(g -> {
            int i = order.indexOf(g.slug());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        Map<String, List<GuideLink>> groups = new LinkedHashMap<>();
        for (GuideLink g : sorted) groups.computeIfAbsent(g.group(), k -> new ArrayList<>()).add(g);
        List<Views.GuideGroup> out = new ArrayList<>();
        groups.forEach((title, list) -> out.add(new Views.GuideGroup(title, List.copyOf(list))));
        return new IndexPageView(page, sorted, sorted.isEmpty() ? null : sorted.get(0), out);
    }

    private OverviewPageView overview(String lang, Map<String, Guide> byKey, ResultIndex results, ViewFactory views, List<GuideLink> guides) {
        List<HostColumn> hosts = new ArrayList<>();
        for (HostRun run : results.runs()) {
            hosts.add(new HostColumn(run.host().key(), run.host().os() + "/" + run.host().arch()
                    + (run.host().wsl() ? " WSL" : "") + " " + run.host().distro() + " " + run.host().go(), run.isolation(),
                    ViewFactory.day(run.finished())));
        }
        List<OverviewRow> rows = new ArrayList<>();
        for (GuideLink link : guides) {
            Guide g = byKey.get(link.slug() + "/" + lang);
            List<OverviewCell> cells = new ArrayList<>();
            for (HostRun run : results.runs()) {
                Verification.HostCount n = Verification.hostCount(g.executable(), run, results);
                cells.add(new OverviewCell(run.host().key(), n.passed(), n.failed(), n.skipped(), n.stale(),
                        ViewFactory.day(run.finished())));
            }
            rows.add(new OverviewRow(link, cells));
        }
        return new OverviewPageView(views.page(lang, "/" + lang + "/verification/", null), hosts, rows);
    }
}
