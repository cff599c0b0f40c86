package org.goguides.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vladsch.flexmark.util.ast.Document;

import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;
import org.goguides.site.render.MarkdownRenderer;
import org.goguides.site.render.SearchIndex;
import org.goguides.site.render.Templates;
import org.goguides.site.view.InlineMarkdown;
import org.goguides.site.view.Messages;
import org.goguides.site.view.ViewFactory;
import org.goguides.site.view.Views.CountView;
import org.goguides.site.view.Views.PlatformSummaryView;
import org.goguides.site.view.Views.SnippetView;
import org.goguides.site.view.Views.TocEntry;

/** Renders the body of a guide page: its Markdown with its snippets, and what the page shows of them. */
final class GuideBodies {
    private GuideBodies() {
    }

    /**
     * A guide's body HTML (snippets rendered, callouts and TOC done), what its page shows of its snippets
     * (counts per status and per platform), and its search sections.
     */
    record Body(String html, List<TocEntry> toc, List<CountView> counts, int total, List<PlatformSummaryView> platformSummaries, byte[] search) {
    }

    /**
     * The body of {@code g}, rendered from {@code tree}, the tree the parse stage read it from (which this changes and
     * then drops), or, when that is gone ({@code serve} reusing a guide parsed by an earlier build), from a new parse.
     */
    static Body render(Guide g, Document tree, ViewFactory views, Templates templates) {
        Map<Integer, String> blocks = new HashMap<>();
        List<SnippetView> snippetViews = views.snippets(g);
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
        return new Body(body.html(), body.toc(), views.counts(snippetViews, g.locale()), snippetViews.size(),
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
}
