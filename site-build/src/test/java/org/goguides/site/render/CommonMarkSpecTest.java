package org.goguides.site.render;

import org.goguides.site.view.Highlighter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 652 examples of the CommonMark 0.31.2 spec (spec.txt from commonmark-java's test artifact) through
 * the renderer the site build uses ({@link MarkdownRenderer#render(Document, java.util.function.IntFunction, Map)}),
 * compared after a normalisation like the spec's {@code normalize.py} (whitespace between block tags,
 * attribute order, entities; heading ids, anchors and {@code rel} are the site's own additions).
 * Every example that differs is pinned in {@code commonmark/deviations.txt} with its reason:
 * {@code raw-html} (the site escapes raw HTML), {@code h1} (a leading h1 is the page title),
 * {@code front-matter} (a leading {@code ---} starts the guide's YAML front matter) or
 * {@code flexmark} (flexmark core, see FLEXMARK-DEVIATIONS.md). A new difference fails, and so does an
 * example that now matches while listed. {@code -Dcommonmark.update=true} rewrites the list.
 */
class CommonMarkSpecTest {
    private static final Path PINNED = Path.of("src/test/resources/commonmark/deviations.txt");
    private static final String FENCE = "````````````````````````````````";

    /** One example of the spec. */
    record Example(int number, String section, String markdown, String html) {
    }

    static List<Example> examples() throws IOException {
        String spec;
        try (InputStream in = CommonMarkSpecTest.class.getResourceAsStream("/spec.txt")) {
            assertNotNull(in, "spec.txt of org.commonmark:commonmark-test-util is on the test class path");
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(spec.contains("version: '0.31.2'"), "the spec is 0.31.2");
        List<Example> out = new ArrayList<>();
        String section = "";
        String[] lines = spec.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("#")) section = lines[i].replaceFirst("^#+ *", "");
            if (!lines[i].equals(FENCE + " example")) continue;
            StringBuilder md = new StringBuilder();
            StringBuilder html = new StringBuilder();
            StringBuilder into = md;
            for (i++; !lines[i].equals(FENCE); i++) {
                if (lines[i].equals(".") && into == md) {
                    into = html;
                    continue;
                }
                into.append(lines[i].replace('→', '\t')).append('\n');
            }
            out.add(new Example(out.size() + 1, section, md.toString(), html.toString()));
        }
        return out;
    }

    /** The HTML of the site's renderer, fenced blocks written as CommonMark does (the site puts its snippet partial there). */
    static String render(String markdown) {
        Document doc = MarkdownRenderer.parse(markdown);
        Map<Integer, String> blocks = new HashMap<>();
        collectFences(doc, blocks);
        return MarkdownRenderer.render(doc, line -> blocks.getOrDefault(line, ""), Map.of()).html();
    }

    private static void collectFences(Node parent, Map<Integer, String> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof FencedCodeBlock f) {
                String info = f.getInfo().unescape().strip();
                String lang = info.isEmpty() ? "" : " class=\"language-" + Highlighter.escape(info.split("[ \t]")[0]) + "\"";
                out.put(f.getStartLineNumber() + 1, "<pre><code" + lang + ">" + Highlighter.escape(f.getContentChars().toString()) + "</code></pre>\n");
            } else {
                collectFences(n, out);
            }
        }
    }

    private static final Pattern BLOCK_TAG_SPACE = Pattern.compile(
            "\\s*(</?(?:p|h[1-6]|ul|ol|li|blockquote|pre|hr|table|thead|tbody|tr|th|td|div|br)\\b[^>]*>)\\s*");

    /** Markup compared the way normalize.py does, minus what the site adds to every page. */
    static String normalize(String html) {
        org.jsoup.nodes.Document d = Jsoup.parseBodyFragment(html);
        d.select("a.anchor[aria-hidden]").remove();
        d.select("h1,h2,h3,h4,h5,h6").removeAttr("id");
        d.select("a[rel]").removeAttr("rel");
        StringBuilder b = new StringBuilder();
        for (org.jsoup.nodes.Node n : d.body().childNodes()) write(n, b, false);
        return BLOCK_TAG_SPACE.matcher(b.toString().strip()).replaceAll("$1");
    }

    private static void write(org.jsoup.nodes.Node n, StringBuilder b, boolean pre) {
        if (n instanceof TextNode t) {
            String s = t.getWholeText();
            if (!pre) s = s.replaceAll("\\s+", " ");
            b.append(s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        } else if (n instanceof Element e) {
            b.append('<').append(e.tagName());
            new TreeMap<>(attributes(e)).forEach((k, v) -> b.append(' ').append(k).append("=\"")
                    .append(v.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")).append('"'));
            b.append('>');
            for (org.jsoup.nodes.Node c : e.childNodes()) write(c, b, pre || e.tagName().equals("pre"));
            if (!e.tag().isSelfClosing()) b.append("</").append(e.tagName()).append('>');
        }
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> m = new HashMap<>();
        e.attributes().forEach(a -> m.put(a.getKey(), a.getValue()));
        return m;
    }

    private static final com.vladsch.flexmark.parser.Parser PLAIN_PARSER = com.vladsch.flexmark.parser.Parser.builder().build();
    private static final com.vladsch.flexmark.html.HtmlRenderer PLAIN_RENDERER = com.vladsch.flexmark.html.HtmlRenderer.builder().build();

    /**
     * Why an example differs, for a new list: {@code flexmark} if flexmark core with no options and no
     * extension differs too; else the site's intended changes; else {@code site}, a difference of this
     * project's own (an extension, {@link org.goguides.checks.parse.CjkEmphasis}) to look at.
     */
    static String reason(Example ex, String actual) {
        String plain = PLAIN_RENDERER.render(PLAIN_PARSER.parse(ex.markdown()));
        if (!normalize(plain).equals(normalize(ex.html()))) return "flexmark";
        if (ex.markdown().startsWith("---\n")) return "front-matter";
        if (ex.html().startsWith("<h1>") && !actual.startsWith("<h1")) return "h1";
        if (Pattern.compile("<[A-Za-z/!?]").matcher(ex.markdown()).find() && actual.contains("&lt;")) return "raw-html";
        return "site";
    }

    @Test
    void specExamplesRenderAsTheSpecSaysExceptThePinnedDeviations() throws IOException {
        List<Example> examples = examples();
        assertEquals(652, examples.size());
        Map<Integer, String> pinned = new TreeMap<>();
        if (Files.exists(PINNED)) {
            for (String line : Files.readAllLines(PINNED, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\\s+", 3);
                pinned.put(Integer.parseInt(f[0]), f[1]);
            }
        }
        Map<Integer, String> found = new TreeMap<>();
        StringBuilder report = new StringBuilder();
        List<String> surprises = new ArrayList<>();
        for (Example ex : examples) {
            String actual;
            try {
                actual = render(ex.markdown());
            } catch (RuntimeException e) {
                surprises.add("example " + ex.number() + " (" + ex.section() + ") throws " + e);
                continue;
            }
            boolean same = normalize(ex.html()).equals(normalize(actual));
            if (!same) {
                String why = pinned.getOrDefault(ex.number(), reason(ex, actual));
                found.put(ex.number(), why + " " + ex.section());
                if (!pinned.containsKey(ex.number())) {
                    surprises.add("example " + ex.number() + " (" + ex.section() + ") differs and is not pinned:\n--- markdown\n" + ex.markdown()
                            + "--- expected\n" + ex.html() + "--- actual\n" + actual);
                }
                if (why.equals("flexmark")) {
                    report.append("\n### Example ").append(ex.number()).append(" (").append(ex.section()).append(")\n\n````markdown\n")
                            .append(ex.markdown()).append("````\n\nspec:\n\n```html\n").append(ex.html()).append("```\n\nflexmark 0.64.8:\n\n```html\n")
                            .append(actual).append("```\n");
                }
            } else if (pinned.containsKey(ex.number())) {
                surprises.add("example " + ex.number() + " (" + ex.section() + ") now renders as the spec says: remove it from " + PINNED);
            }
        }
        if (Boolean.getBoolean("commonmark.update")) {
            StringBuilder b = new StringBuilder("# CommonMark 0.31.2 examples the site renders differently, by number: reason and spec section.\n"
                    + "# raw-html: raw HTML is escaped (intended); h1: a leading h1 is the page title (intended);\n"
                    + "# front-matter: a document starting with --- starts with YAML front matter (intended);\n"
                    + "# flexmark: flexmark core differs from the spec (FLEXMARK-DEVIATIONS.md). Rewritten by -Dcommonmark.update=true.\n");
            found.forEach((n, v) -> b.append(n).append(' ').append(v).append('\n'));
            Files.writeString(PINNED, b, StandardCharsets.UTF_8);
            Files.writeString(Path.of("target/commonmark-flexmark-deviations.md"), report, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(surprises.isEmpty(), surprises.size() + " surprises (rerun with -Dcommonmark.update=true after checking them):\n"
                + String.join("\n", surprises));
        assertEquals(new TreeSet<>(pinned.keySet()), new TreeSet<>(found.keySet()));
    }
}
