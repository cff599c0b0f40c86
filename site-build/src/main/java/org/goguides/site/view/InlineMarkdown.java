package org.goguides.site.view;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * A front matter summary is Markdown: {@code `go env`} renders as code on the page, and the meta
 * description gets its plain text (no backticks). Raw HTML is escaped, as in guide bodies; one paragraph's
 * content, without the {@code <p>}.
 */
public final class InlineMarkdown {
    private static final DataHolder OPTIONS = new MutableDataSet().set(HtmlRenderer.ESCAPE_HTML, true)
            .set(HtmlRenderer.SOFT_BREAK, " ").toImmutable();
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();
    private static final Map<String, String[]> DONE = new ConcurrentHashMap<>();

    private InlineMarkdown() {
    }

    /** The summary as HTML for inside a {@code <p>}. */
    public static String html(String markdown) {
        return both(markdown)[0];
    }

    /** The summary as plain text, for meta descriptions and search. */
    public static String text(String markdown) {
        return both(markdown)[1];
    }

    private static String[] both(String markdown) {
        if (markdown == null || markdown.isBlank()) return new String[] {"", ""};
        String[] r = DONE.get(markdown);
        if (r != null) return r;
        Document d = PARSER.parse(markdown.strip());
        String html = RENDERER.render(d).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) html = html.substring(3, html.length() - 4);
        String text = new TextCollectingVisitor().collectAndGetText(d).replaceAll("\\s+", " ").strip();
        r = new String[] {html, text};
        if (DONE.size() < 10_000) DONE.put(markdown, r);
        return r;
    }
}
