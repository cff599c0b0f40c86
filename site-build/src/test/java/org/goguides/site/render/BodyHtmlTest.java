package org.goguides.site.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.vladsch.flexmark.ast.HtmlInnerBlock;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link BodyHtml} against its oracle, flexmark's {@code HtmlRenderer} with the site's old extension ({@link FlexmarkBody}):
 * the same prepared tree must give the same bytes, over every guide under content/, every fixture guide of both modules,
 * an edge-case page (body-html/edge-cases.md, whole, block by block and with CRLF), short hostile texts, the 652
 * CommonMark spec examples and random Markdown ({@link RandomMarkdownTest#document}); {@code -Dgoguides.body.corpus=DIR}
 * adds a folder (the bench corpus). Snippet HTML here has what a {@code <pre>} keeps (leading spaces, blank lines,
 * tabs), with and without a final line break, and some fenced blocks are left out. So that it cannot pass by having
 * compared nothing, the documents together must contain every node class the writer has a case for.
 */
class BodyHtmlTest {
    private static final Map<String, String> TITLES = Map.of("note", "Note", "warning", "注意 <&>", "tip", "Tip \"q\"",
            "important", "Important", "caution", "Caution");

    /** Snippet HTML for a fence line: what a {@code <pre>} keeps, a final line break on even lines, nothing for every fifth. */
    static String snippet(int line) {
        if (line % 5 == 0) return "";
        return "<pre class=\"snippet\" data-line=\"" + line + "\"><code>  indented\n\n\n\tx &amp; y\n   </code></pre>" + (line % 2 == 0 ? "\n" : "");
    }

    private final Set<Class<?>> seen = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private int compared;

    private void compare(String name, String markdown) {
        Document ours = MarkdownRenderer.parse(markdown);
        String html = MarkdownRenderer.render(ours, BodyHtmlTest::snippet, TITLES).html();
        for (Node n : ours.getDescendants()) seen.add(n.getClass());
        Document theirs = MarkdownRenderer.prepare(MarkdownRenderer.parse(markdown), TITLES);
        String expected = FlexmarkBody.write(theirs, BodyHtmlTest::snippet);
        compared++;
        if (!expected.equals(html)) {
            int at = 0;
            while (at < Math.min(expected.length(), html.length()) && expected.charAt(at) == html.charAt(at)) at++;
            failures.add(name + ": differs at char " + at + "\n--- markdown\n" + markdown + "\n--- flexmark\n" + expected + "\n--- ours\n" + html);
        }
    }

    private void compareFolder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                compare(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
    }

    private void assertNoFailures(int atLeast) {
        assertTrue(compared >= atLeast, "compared only " + compared + " documents, expected at least " + atLeast);
        if (!failures.isEmpty()) fail(failures.size() + " of " + compared + " documents differ; the first:\n" + failures.get(0));
    }

    @Test
    void everyGuideOfTheSiteIsWrittenAsFlexmarkWroteIt() throws IOException {
        compareFolder(Path.of("../content"));
        assertNoFailures(20);
    }

    @Test
    void everyFixtureGuideIsWrittenAsFlexmarkWroteIt() throws IOException {
        compareFolder(Path.of("src/test/resources"));
        compareFolder(Path.of("../checks/src/test/resources"));
        assertNoFailures(30);
    }

    @Test
    void aBenchCorpusIsWrittenAsFlexmarkWroteIt() throws IOException {
        String dir = System.getProperty("goguides.body.corpus");
        if (dir == null) return; // a folder of generated pages, given on the command line
        compareFolder(Path.of(dir));
        assertNoFailures(1);
    }

    @Test
    void edgeCasesAreWrittenAsFlexmarkWroteThemAndCoverEveryNodeClass() throws IOException {
        String page = Files.readString(Path.of("src/test/resources/body-html/edge-cases.md"), StandardCharsets.UTF_8);
        compare("edge-cases.md", page);
        compare("edge-cases.md with CRLF", page.replace("\n", "\r\n"));
        compare("edge-cases.md with CR", page.replace("\n", "\r"));
        String[] blocks = page.split("\n\n");
        for (int i = 0; i < blocks.length; i++) {
            compare("block " + i + " of edge-cases.md", blocks[i]);
            compare("block " + i + " of edge-cases.md in a list item", "- " + blocks[i].replace("\n", "\n  ") + "\n");
            compare("block " + i + " of edge-cases.md in a callout", "> [!TIP]\n> " + blocks[i].replace("\n", "\n> ") + "\n");
        }
        String[] shorts = {
            "", "\n", "   ", "\n\n\n", "&#32;x", "x\n&#32;y", "&#9;x", "a\r\nb", "a\rb", "a\r\rb", "a\r", "<!-- x -->", "<!-- x -->\n\n\n<!-- y -->",
            "  <div>\n\n\n</div>", "<pre>\n\n\n\nx\n</pre>", "- <!-- x -->\n- y", "> ```\n> code\n", "- ```\n  x\n  ```\n- ```sh\n  y\n  ```",
            "```\na\n```\n```\nb\n```", "1. ```\n   x\n   ```", "# only the title", "# title\n\n# second h1", "## `x`", "## ![i](i.png)",
            "## [l](https://go.dev)", "  ## indented heading", "- # h\n- ## h2", "| a |\n|---|\n| `b` |", "a  \n  b", "a\\\n\\\nb",
            "    code\n\n\n\n    more", "\tcode with tab", "  \tmixed", "<a href=\"x\">\n\n</a>", "x <b>y</b> z", "[a](<> \"t\")", "[a]()",
            "[a](b \"\")", "![](x)", "![a](x '')", "<mailto:a@b.c>", "<A@B.C>", "<HTTPS://GO.DEV>", "<www.x:y>", "***\n- - -", "> \n>\n> x",
            "1. a\n1. b\n\n\n1. c", "- a\n\n\n- b", "text\n***\ntext", "[x]: /u\n[x]", "[X]: /u 'T'\n[x][] ![x]", "a **b** c\n===",
            "| a | b |\n| - | - |\n| c |\n| d | e | f |", "|a|\n|:-|\n|b|\n[cap]\n", "~~a~~b~~", "*a*b*", "中*文*字", "**「引号」**后",
            "\\<div>", "&lt;div&gt;", "&amp;amp;", "[a](https://x.test/&quot;&amp;)", "[a](https://x.test/&#65;&#x42;&copy;)",
            "> [!NOTE]\n> > [!WARNING]\n> > nested", "<div>\n\t  tabbed\n \t x\n</div>", "x\n&#9; y", "x\n&#9;&#32;y", "- ```\n  ```", "> [!NOTE]\n", "> [!NOTE]", "> [!note] lower", "> [!NOTE]\n> ## heading in note",
        };
        for (int i = 0; i < shorts.length; i++) {
            compare("short text " + i, shorts[i]);
            compare("short text " + i + " after front matter", "---\ntitle: t\n---\n" + shorts[i]);
        }
        assertNoFailures(100);
        Set<String> missing = new TreeSet<>();
        for (Class<?> c : BodyHtml.writtenClasses()) {
            // the inner blocks exist only with a parser option the guides do not set (PARSE_INNER_HTML_COMMENTS);
            // TextBase only with extensions they do not use (aTextBaseIsWrittenAsItsChildren makes one)
            if (c != HtmlInnerBlock.class && c != HtmlInnerBlockComment.class && c != TextBase.class && !seen.contains(c)) {
                missing.add(c.getSimpleName());
            }
        }
        assertEquals(Set.of(), missing, "node classes the edge cases never produced");
    }

    /** TextBase comes only from extensions the guides do not use (abbreviations, autolinks): a tree made by hand has one. */
    @Test
    void aTextBaseIsWrittenAsItsChildren() {
        String md = "Before *a* & <b>\n\nafter\n";
        Document ours = MarkdownRenderer.parse(md);
        Document theirs = MarkdownRenderer.parse(md);
        for (Document d : List.of(ours, theirs)) {
            Node p = d.getFirstChild();
            TextBase base = new TextBase(p.getChars());
            for (Node c = p.getFirstChild(); c != null; c = p.getFirstChild()) base.appendChild(c);
            p.appendChild(base);
        }
        String html = MarkdownRenderer.render(ours, BodyHtmlTest::snippet, TITLES).html();
        assertTrue(html.contains("<em>a</em> &amp; &lt;b&gt;"), html);
        assertEquals(FlexmarkBody.write(MarkdownRenderer.prepare(theirs, TITLES), BodyHtmlTest::snippet), html);
    }

    @Test
    void commonMarkSpecExamplesAreWrittenAsFlexmarkWroteThem() throws IOException {
        for (CommonMarkSpecTest.Example ex : CommonMarkSpecTest.examples()) compare("spec example " + ex.number(), ex.markdown());
        assertNoFailures(652);
    }

    @Test
    void randomMarkdownIsWrittenAsFlexmarkWroteIt() {
        long seed = Long.getLong("goguides.fuzz.seed", 20261130L);
        int count = Integer.getInteger("goguides.body.fuzz.count", 3000);
        Random rnd = new Random(seed);
        for (int i = 0; i < count; i++) compare("random document " + i + " of seed " + seed, RandomMarkdownTest.document(rnd));
        assertNoFailures(count);
    }
}
