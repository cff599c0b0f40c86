package org.goguides.site;

import java.io.IOException;
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
import org.goguides.site.render.HtmlPostProcessor;
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
import org.goguides.site.view.Views.NotFoundPageView;
import org.goguides.site.view.Views.OverviewCell;
import org.goguides.site.view.Views.OverviewPageView;
import org.goguides.site.view.Views.OverviewRow;
import org.goguides.site.view.Views.RootPageView;
import org.goguides.site.view.Views.SnippetView;

/**
 * Renders the site from content, templates and any number of results files: a page per guide
 * translation, an index and a verification overview per language, a language choice at the root,
 * and 404 pages. Refuses to build when the content has authoring errors; writes atomically.
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
    public record Options(Path content, Path templates, List<Path> results, Path out, Set<String> guides, Path displayBase) {
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
        Map<String, String> pages = render(content, new ResultIndex(runs), o.templates());
        SiteWriter.write(o.out(), pages, Map.of(), o.templates().resolve("static"));
        return new Report(pages.size(), List.of(), warnings);
    }

    /** Every page of the site, by path inside the site. */
    Map<String, String> render(Content content, ResultIndex results, Path templatesDir) throws IOException {
        Templates templates = new Templates(templatesDir);
        Map<String, Map<String, String>> messages = new HashMap<>();
        for (String l : content.site().languages()) messages.put(l, Messages.load(templatesDir, l));
        ViewFactory views = new ViewFactory(content, results, messages);
        Map<String, String> pages = new LinkedHashMap<>();
        Map<String, List<GuideLink>> perLang = new LinkedHashMap<>();
        for (String l : content.site().languages()) perLang.put(l, new ArrayList<>());
        for (Guide g : content.guides()) {
            GuidePageView page = guidePage(g, views, templates);
            pages.put(g.locale() + "/" + g.slug() + "/index.html", templates.render("guide.ftlh", page));
            perLang.get(g.locale()).add(new GuideLink(g.slug(), page.title(), page.summary(), ViewFactory.guideUrl(g.locale(), g.slug()),
                    page.counts(), page.total()));
        }
        for (String l : content.site().languages()) {
            String path = "/" + l + "/";
            pages.put(l + "/index.html", templates.render("index.ftlh", new IndexPageView(views.page(l, path, null), perLang.get(l))));
            pages.put(l + "/verification/index.html", templates.render("overview.ftlh", overview(l, content, results, views, perLang.get(l))));
            pages.put(l + "/404.html", templates.render("404.ftlh", new NotFoundPageView(views.page(l, "/" + l + "/404.html", null))));
        }
        String def = content.site().defaultLanguage();
        pages.put("index.html", templates.render("root.ftlh", new RootPageView(views.page(def, "/" + def + "/", null).languages(),
                content.site().title(def), "/" + def + "/")));
        pages.put("404.html", pages.get(def + "/404.html"));
        return pages;
    }

    private GuidePageView guidePage(Guide g, ViewFactory views, Templates templates) {
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
        List<CountView> counts = views.counts(snippetViews, g.locale());
        return new GuidePageView(views.page(g.locale(), ViewFactory.guideUrl(g.locale(), g.slug()), g.slug()), g.slug(),
                g.meta().title(), g.meta().summary(), processed.html(), counts, snippetViews.size(), g.meta().platforms(), processed.toc());
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
