package org.goguides.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.vladsch.flexmark.util.ast.Document;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.site.render.AssetManifest;
import org.goguides.site.render.GitInfo;
import org.goguides.site.render.GuideBadge;
import org.goguides.site.render.LinkChecker;
import org.goguides.site.render.SiteWriter;
import org.goguides.site.render.Sitemap;
import org.goguides.site.render.SocialCard;
import org.goguides.site.render.Templates;
import org.goguides.site.view.InlineMarkdown;
import org.goguides.site.view.Messages;
import org.goguides.site.view.PlatformTags;
import org.goguides.site.view.ResultIndex;
import org.goguides.site.view.SeriesIndex;
import org.goguides.site.view.ViewFactory;
import org.goguides.site.view.Views.CountView;
import org.goguides.site.view.Views.GuideLink;
import org.goguides.site.view.Views.GuidePageView;
import org.goguides.site.view.Views.LanguageLink;
import org.goguides.site.view.Views.LastUpdatedView;

/**
 * Renders guide pages one at a time from any thread, and writes each with its README badge and social
 * card: what all guide pages share (templates, interface text, assets, views) is set up once per build.
 */
final class GuidePages {
    final Content settings;
    final GuideListing listing;
    final ResultIndex results;
    final Templates templates;
    final AssetManifest assets;
    final ViewFactory views;
    private final Rebuilds rebuilds;
    private final String inputs;
    private final Map<String, GuideBodies.Body> kept = new ConcurrentHashMap<>();
    private final Supplier<GitInfo> git;
    private final SiteWriter.Staged out;

    /** A guide page written: its entry in the index, its sitemap entry, its links, its search entry and its old URLs. */
    record Written(GuideLink link, Sitemap.Entry sitemap, LinkChecker.PageLinks links, byte[] search, List<String> aliases) {
    }

    /**
     * What the pages share that the settings alone decide (templates, interface text, fingerprinted assets): made
     * while the guides and the results are still being read, since the first page waits for all of it.
     */
    record Shared(Templates templates, Map<String, Map<String, String>> messages, AssetManifest assets) {
        static Shared of(Content settings, Path templatesDir, Rebuilds rebuilds) throws IOException {
            Templates templates = rebuilds.templates(templatesDir);
            Map<String, Map<String, String>> messages = new HashMap<>();
            for (String l : settings.site().languages()) messages.put(l, Messages.load(templatesDir, l));
            AssetManifest assets = AssetManifest.of(templatesDir.resolve("static"));
            assets.append("site.css", new PlatformTags(settings.platforms()).css().getBytes(StandardCharsets.UTF_8));
            return new Shared(templates, messages, assets);
        }
    }

    GuidePages(Content settings, GuideListing listing, ResultIndex results, Path templatesDir, Shared shared, Supplier<GitInfo> git,
               Rebuilds rebuilds, SiteWriter.Staged out) throws IOException {
        this.settings = settings;
        this.listing = listing;
        this.results = results;
        this.git = git;
        this.rebuilds = rebuilds;
        this.out = out;
        templates = shared.templates();
        assets = shared.assets();
        Map<String, String> urls = new HashMap<>(assets.urls());
        for (String l : settings.site().languages()) urls.put("search-" + l + ".json", "/" + SiteIndexes.searchPath(l));
        views = new ViewFactory(settings, listing.translations(), results, shared.messages(), urls, listing.order());
        // everything besides its own text that a guide body depends on: results, interface text, templates, assets
        inputs = rebuilds.inputs(settings, results, templatesDir, assets);
    }

    /**
     * Renders, writes and link-scans one guide page.
     *
     * @param tree the tree the parse stage read the guide from ({@link org.goguides.checks.parse.ParsedGuide}), rendered and
     *             dropped; null when there is none (a guide {@code serve} parsed in an earlier build): then it is parsed again
     */
    Written render(Guide g, Document tree) throws IOException {
        GuideBodies.Body body = rebuilds.body(g, inputs, kept, () -> GuideBodies.render(g, tree, views, templates));
        GuidePageView page = page(g, body);
        String path = g.locale() + "/" + g.slug() + "/index.html";
        byte[] bytes = templates.renderUtf8("guide.ftlh", page);
        out.write(path, bytes);
        if (g.locale().equals(listing.badgeLocale().get(g.slug()))) {
            GuideBadge.Counts c = GuideBadge.counts(page.counts());
            out.writeShared("badges/" + g.slug() + ".svg", GuideBadge.svg(c));
            out.writeShared("badges/" + g.slug() + ".json", GuideBadge.json(c));
        }
        List<Sitemap.Alternate> alts = new ArrayList<>();
        for (LanguageLink ll : page.page().languages()) if (ll.exists()) alts.add(new Sitemap.Alternate(ll.hreflang(), ll.url()));
        if (!page.ogImage().isEmpty()) out.write(SocialCard.path(g.locale(), g.slug()),
                SocialCard.png(page.title(), InlineMarkdown.text(g.meta().summary()), settings.site().title(g.locale()), page.counts()));
        String url = ViewFactory.guideUrl(g.locale(), g.slug());
        List<CountView> counts = page.counts().stream()
                .map(c -> new CountView(c.status(), c.label(), c.count(), c.href().isEmpty() ? "" : url + c.href())).toList();
        return new Written(new GuideLink(g.slug(), page.title(), page.summary(), url, counts, page.total(), page.summaryHtml(), g.meta().group()),
                new Sitemap.Entry(url, page.lastUpdated() == null ? null : page.lastUpdated().iso(), alts),
                LinkChecker.scan(path, bytes), body.search(), g.meta().aliases());
    }

    /** After the last guide page: the bodies rendered may be reused by the next build. */
    void done() {
        rebuilds.rendered(kept);
    }

    private GuidePageView page(Guide g, GuideBodies.Body b) {
        GitInfo git = this.git.get();
        String repo = settings.site().repoUrl().replaceAll("/$", "");
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
        String base = settings.site().baseUrl().replaceAll("/$", "");
        String ogImage = base.isEmpty() ? "" : base + "/" + SocialCard.path(g.locale(), g.slug());
        SeriesIndex series = listing.series();
        return new GuidePageView(views.page(g.locale(), url, g.slug()), g.slug(),
                g.meta().title(), summaryText, b.html(), b.counts(), b.total(), g.meta().platforms(), ViewFactory.tocTree(b.toc()),
                editUrl, updated, b.platformSummaries(), views.legend(g.locale()), series.nav(g.slug(), g.locale()),
                InlineMarkdown.html(g.meta().summary()), description,
                views.nav(g.locale(), g.slug()), views.neighbour(g.locale(), g.slug(), -1), views.neighbour(g.locale(), g.slug(), 1),
                g.meta().tags(), g.meta().date(), ogImage);
    }
}
