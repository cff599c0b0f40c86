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

import org.goguides.checks.model.Content;
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
import org.goguides.site.render.HtmlPostProcessor;
import org.goguides.site.render.LinkChecker;
import org.goguides.site.render.SearchIndex;
import org.goguides.site.render.Sitemap;
import org.goguides.site.render.MarkdownRenderer;
import org.goguides.site.render.SiteWriter;
import org.goguides.site.render.Templates;
import org.goguides.site.view.Messages;
import org.goguides.site.view.ResultIndex;
import org.goguides.site.view.ViewFactory;
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

    /**
     * @param content the content folder
     * @param templates the templates folder (with {@code static/} and {@code i18n/})
     * @param results results folders or files to merge
     * @param out the site folder to (re)place
     * @param guides slugs to build, all when empty
     * @param displayBase paths in messages are relative to this folder
     */
    public record Options(Path content, Path templates, List<Path> results, Path out, Set<String> guides, Path displayBase,
                          Duration maxAge) {
        /** With the default age after which a result is marked as old. */
        public Options(Path content, Path templates, List<Path> results, Path out, Set<String> guides, Path displayBase) {
            this(content, templates, results, out, guides, displayBase, ResultIndex.DEFAULT_MAX_AGE);
        }
    }

    /** What a build did: pages written, authoring errors (then nothing was written), warnings about results. */
    public record Report(int pages, List<Problem> problems, List<Problem> warnings) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Report build(Options o) throws IOException {
        Content content = new ContentLoader(o.content(), o.displayBase()).load(o.guides());
        if (!content.problems().isEmpty()) return new Report(0, content.problems(), List.of());
        List<Problem> warnings = new ArrayList<>();
        List<HostRun> runs = ResultStore.loadAll(o.results(), warnings);
        GitInfo git = GitInfo.read(o.content());
        List<HostRun> kept = ResultStore.history(o.results(), warnings);
        Site site = renderSite(content, new ResultIndex(runs, kept, Instant.now(), o.maxAge()), o.templates(), git);
        if (!site.brokenLinks().isEmpty()) {
            // printed as is by the command line, which exits with 2; nothing is written
            throw new BuildException(String.join("\n", site.brokenLinks()) + "\n" + site.brokenLinks().size()
                    + (site.brokenLinks().size() == 1 ? " broken link" : " broken links") + "; nothing was written");
        }
        if (git.shallow()) warnings.add(Problem.at(String.valueOf(o.content()), 1,
                "shallow git clone: \"last updated\" is left out for guides whose history is cut off (fetch with fetch-depth: 0)"));
        if (content.site().baseUrl().isBlank()) warnings.add(Problem.at("content/site.yml", 1,
                "no baseUrl: sitemap.xml, canonical and OpenGraph URLs are relative"));
        SiteWriter.write(o.out(), site.pages(), site.files(), null);
        return new Report(site.pages().size(), List.of(), warnings);
    }

    /** A rendered site: pages, other files (assets, search indexes, sitemap, robots) and broken internal links found. */
    public record Site(Map<String, String> pages, Map<String, byte[]> files, List<String> brokenLinks) {
    }

    /** Every page of the site, by path inside the site. */
    Map<String, String> render(Content content, ResultIndex results, Path templatesDir) throws IOException {
        return renderSite(content, results, templatesDir, GitInfo.read(Path.of("content"))).pages();
    }

    /** The whole site: pages, fingerprinted assets, search indexes, sitemap and robots.txt, with its links checked. */
    public Site renderSite(Content content, ResultIndex results, Path templatesDir, GitInfo git) throws IOException {
        Templates templates = new Templates(templatesDir);
        Map<String, Map<String, String>> messages = new HashMap<>();
        for (String l : content.site().languages()) messages.put(l, Messages.load(templatesDir, l));
        AssetManifest assets = AssetManifest.of(templatesDir.resolve("static"));
        ViewFactory bodies = new ViewFactory(content, results, messages, assets.urls());
        Map<Guide, GuideBody> rendered = new LinkedHashMap<>();
        Map<String, SearchIndex> search = new LinkedHashMap<>();
        for (String l : content.site().languages()) search.put(l, new SearchIndex());
        for (Guide g : content.guides()) {
            GuideBody b = guideBody(g, bodies, templates);
            rendered.put(g, b);
            search.get(g.locale()).addGuide(ViewFactory.guideUrl(g.locale(), g.slug()), g.meta().title(), g.meta().summary(), b.html());
        }
        search.forEach((l, idx) -> assets.add("search-" + l + ".json", idx.json()));
        ViewFactory views = new ViewFactory(content, results, messages, assets.urls());
        Map<String, String> pages = new LinkedHashMap<>();
        Map<String, List<GuideLink>> perLang = new LinkedHashMap<>();
        List<Sitemap.Entry> sitemap = new ArrayList<>();
        for (String l : content.site().languages()) perLang.put(l, new ArrayList<>());
        for (Guide g : content.guides()) {
            GuidePageView page = guidePage(g, rendered.get(g), views, git, content);
            pages.put(g.locale() + "/" + g.slug() + "/index.html", templates.render("guide.ftlh", page));
            perLang.get(g.locale()).add(new GuideLink(g.slug(), page.title(), page.summary(), ViewFactory.guideUrl(g.locale(), g.slug()),
                    page.counts(), page.total()));
            List<Sitemap.Alternate> alts = new ArrayList<>();
            for (LanguageLink ll : page.page().languages()) if (ll.exists()) alts.add(new Sitemap.Alternate(ll.hreflang(), ll.url()));
            sitemap.add(new Sitemap.Entry(ViewFactory.guideUrl(g.locale(), g.slug()),
                    page.lastUpdated() == null ? null : page.lastUpdated().iso(), alts));
        }
        for (String l : content.site().languages()) {
            String path = "/" + l + "/";
            pages.put(l + "/index.html", templates.render("index.ftlh", new IndexPageView(views.page(l, path, null), perLang.get(l))));
            pages.put(l + "/verification/index.html", templates.render("overview.ftlh", overview(l, content, results, views, perLang.get(l))));
            pages.put(l + "/404.html", templates.render("404.ftlh", new NotFoundPageView(views.page(l, "/" + l + "/404.html", null))));
        }
        String def = content.site().defaultLanguage();
        pages.put("index.html", templates.render("root.ftlh", new RootPageView(views.page(def, "/" + def + "/", null).languages(),
                content.site().title(def), "/" + def + "/", assets.urls())));
        pages.put("404.html", pages.get(def + "/404.html"));
        for (String l : content.site().languages()) {
            List<Sitemap.Alternate> alts = new ArrayList<>();
            for (String o : content.site().languages()) alts.add(new Sitemap.Alternate(ViewFactory.htmlLang(o), "/" + o + "/"));
            sitemap.add(new Sitemap.Entry("/" + l + "/", null, alts));
            List<Sitemap.Alternate> altsV = new ArrayList<>();
            for (String o : content.site().languages()) altsV.add(new Sitemap.Alternate(ViewFactory.htmlLang(o), "/" + o + "/verification/"));
            sitemap.add(new Sitemap.Entry("/" + l + "/verification/", null, altsV));
        }
        Map<String, byte[]> files = new LinkedHashMap<>(assets.files());
        files.put("sitemap.xml", Sitemap.xml(content.site().baseUrl(), sitemap).getBytes(StandardCharsets.UTF_8));
        files.put("robots.txt", Sitemap.robots(content.site().baseUrl()).getBytes(StandardCharsets.UTF_8));
        // the merged results this site shows, so a deploy preview can reuse the badges of other hosts
        files.put("results/all.json", ResultStore.mergedJson(results.runs()));
        for (Map.Entry<String, List<GuideLink>> e : perLang.entrySet()) {
            if (!e.getKey().equals(content.site().defaultLanguage()) && content.site().languages().contains(content.site().defaultLanguage())) continue;
            for (GuideLink g : e.getValue()) badge(files, g);
        }
        for (List<GuideLink> links : perLang.values()) for (GuideLink g : links) if (!files.containsKey("badges/" + g.slug() + ".svg")) badge(files, g);
        List<String> broken = LinkChecker.check(pages, files.keySet());
        return new Site(pages, files, broken);
    }

    /** A guide's body HTML (snippets rendered, callouts and TOC done) and its snippet views. */
    /** A guide's README badge, from the counts of its translation in the default language. */
    private static void badge(Map<String, byte[]> files, GuideLink g) {
        int passed = 0;
        int failed = 0;
        int steps = 0;
        for (CountView c : g.counts()) {
            if (c.status().equals("passed")) passed = c.count();
            if (c.status().equals("failed")) failed = c.count();
            if (!c.status().equals("display")) steps += c.count();
        }
        files.put("badges/" + g.slug() + ".svg", GuideBadge.svg(passed, failed, steps));
        files.put("badges/" + g.slug() + ".json", GuideBadge.json(passed, failed, steps));
    }

    private record GuideBody(String html, List<TocEntry> toc, List<SnippetView> snippets) {
    }

    private GuideBody guideBody(Guide g, ViewFactory views, Templates templates) {
        Map<Integer, String> blocks = new HashMap<>();
        List<SnippetView> snippetViews = new ArrayList<>();
        for (Snippet s : g.snippets()) {
            SnippetView v = views.snippet(s, g.locale());
            snippetViews.add(v);
            blocks.put(s.pos().line(), templates.render("partials/snippet.ftlh", v));
            if (s.expected() != null) blocks.put(s.expected().line() - 1, "");
        }
        String body = MarkdownRenderer.render(g.markdown(), line -> blocks.getOrDefault(line, ""));
        Map<String, String> t = views.t(g.locale());
        Map<String, String> alerts = new HashMap<>();
        for (String k : List.of("note", "tip", "important", "warning", "caution")) alerts.put(k, Messages.text(t, "alert." + k));
        HtmlPostProcessor.Result processed = HtmlPostProcessor.process(body, alerts);
        return new GuideBody(processed.html(), processed.toc(), snippetViews);
    }

    private GuidePageView guidePage(Guide g, GuideBody b, ViewFactory views, GitInfo git, Content content) {
        List<CountView> counts = views.counts(b.snippets(), g.locale());
        String repo = content.site().repoUrl().replaceAll("/$", "");
        String repoPath = git.repoPath(g.file());
        if (repoPath == null) repoPath = g.displayPath();
        String editUrl = repo.isBlank() ? "" : repo + "/edit/HEAD/" + repoPath;
        GitInfo.LastUpdated lu = git.lastUpdated(g.file());
        LastUpdatedView updated = lu.date() == null ? new LastUpdatedView("", "", lu.reason())
                : new LastUpdatedView(lu.date().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                lu.date().atZone(ZoneOffset.UTC).toLocalDate().toString(), "");
        return new GuidePageView(views.page(g.locale(), ViewFactory.guideUrl(g.locale(), g.slug()), g.slug()), g.slug(),
                g.meta().title(), g.meta().summary(), b.html(), counts, b.snippets().size(), g.meta().platforms(), b.toc(),
                editUrl, updated, views.platformSummaries(b.snippets(), g.locale()), views.legend(g.locale()));
    }

    private OverviewPageView overview(String lang, Content content, ResultIndex results, ViewFactory views, List<GuideLink> guides) {
        List<HostColumn> hosts = new ArrayList<>();
        for (HostRun run : results.runs()) {
            hosts.add(new HostColumn(run.host().key(), run.host().os() + "/" + run.host().arch()
                    + (run.host().wsl() ? " WSL" : "") + " " + run.host().distro() + " " + run.host().go(), run.isolation(),
                    run.finished().length() >= 10 ? run.finished().substring(0, 10) : run.finished()));
        }
        List<OverviewRow> rows = new ArrayList<>();
        for (GuideLink link : guides) {
            Guide g = content.guide(link.slug(), lang).orElseThrow();
            List<OverviewCell> cells = new ArrayList<>();
            for (HostRun run : results.runs()) {
                int passed = 0;
                int failed = 0;
                int skipped = 0;
                int stale = 0;
                for (Snippet s : g.executable()) {
                    for (ResultIndex.HostResult r : results.forKey(s.key())) {
                        if (r.run() != run) continue;
                        if (!r.result().hash().equals(s.hash())) stale++;
                        else switch (r.result().status()) {
                            case "passed" -> passed++;
                            case "failed", "error" -> failed++;
                            default -> skipped++;
                        }
                    }
                }
                cells.add(new OverviewCell(run.host().key(), passed, failed, skipped, stale,
                        run.finished().length() >= 10 ? run.finished().substring(0, 10) : run.finished()));
            }
            rows.add(new OverviewRow(link, cells));
        }
        return new OverviewPageView(views.page(lang, "/" + lang + "/verification/", null), hosts, rows);
    }
}
