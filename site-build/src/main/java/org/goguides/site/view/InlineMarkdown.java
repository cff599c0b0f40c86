package org.goguides.site.view;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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
    private static final Map<String, String[]> DONE = new ConcurrentHashMap<>();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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

    /**
     * Whether a summary is one line of text that CommonMark leaves as it is: no character that starts an inline
     * (code, emphasis, links, images, raw HTML, entities, escapes; {@code ~} and {@code |} are text here: no strikethrough or tables), nothing at its start that makes a block
     * (heading, quote, list, rule, setext underline), no line break. Such text is its own HTML, quotes escaped.
     */
    static boolean isPlain(String s) {
        if (s.isEmpty()) return false;
        char first = s.charAt(0);
        if (first == '#' || first == '-' || first == '+' || first == '=' || first >= '0' && first <= '9') return false;
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '\\', '`', '*', '_', '[', ']', '!', '<', '>', '&', '\n', '\r', '\t', '\u000B', '\f' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** flexmark's parser and renderer, made when the first summary that is not plain text needs them: a site of plain summaries never does. */
    private static final class Flexmark {
        static final DataHolder OPTIONS = new MutableDataSet().set(HtmlRenderer.ESCAPE_HTML, true)
                .set(HtmlRenderer.SOFT_BREAK, " ").toImmutable();
        static final Parser PARSER = Parser.builder(OPTIONS).build();
        static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();
    }

    /** The HTML and text of a summary as flexmark makes them (the path every non-plain summary takes). */
    static String[] parsed(String stripped) {
        Document d = Flexmark.PARSER.parse(stripped);
        String html = Flexmark.RENDERER.render(d).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) html = html.substring(3, html.length() - 4);
        String text = new TextCollectingVisitor().collectAndGetText(d).replaceAll("\\s+", " ").strip();
        return new String[] {html, text};
    }

    private static String[] both(String markdown) {
        if (markdown == null || markdown.isBlank()) return new String[] {"", ""};
        String[] r = DONE.get(markdown);
        if (r != null) return r;
        String plain = markdown.strip();
        if (isPlain(plain)) {
            // what the parser would make of it, without its fixed cost per call (most summaries are plain text)
            r = new String[] {plain.replace("\"", "&quot;"), WHITESPACE.matcher(plain).replaceAll(" ")};
        } else {
            r = parsed(plain);
        }
        if (DONE.size() < 10_000) DONE.put(markdown, r);
        return r;
    }
}
