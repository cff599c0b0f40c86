package org.goguides.site.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import org.junit.jupiter.api.Test;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.GuideParser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random Markdown through the site's parse and HTML writer: random mixes of block and inline tokens, also
 * inside callouts, lists and quotes, with and without front matter and CRLF, each parsed as the site build
 * parses (the guide parser, which hands its tree to the renderer) and rendered: no exception, every fenced block
 * of the tree is written exactly once, where it stands, as the snippet HTML given for its line, and the tree the
 * guide parser hands over renders exactly as a fresh parse does.
 * {@code mvn verify} runs a fixed seed; for a longer run {@code -Dgoguides.fuzz.count=500000} (and
 * {@code -Dgoguides.fuzz.seed=N} for another sequence).
 */
class RandomMarkdownTest {
    private static final Map<String, String> TITLES = Map.of("note", "Note", "warning", "注意", "tip", "Tip");
    private static final Pattern SNIPPET = Pattern.compile("<pre data-line=\"(\\d+)\"></pre>");

    private static final String[] INLINE = {
        "word", "go", "中文", "环境变量", "重要", "：", "，", "。", "“", "”", " ", " ", " ", "*", "**", "***", "_", "__", "`", "``", "~~",
        "[", "]", "](", ")", "(", "![", "<", ">", "&amp;", "&#x61;", "&", "\\", "\\*", "https://go.dev", "<https://go.dev/dl/>",
        "[link](https://go.dev \"title\")", "[ref]", "[ref][r]", "`code  span`", "*.go", "$", "£", "#", "!", "\"", "'", "  \n", "\\\n", "\n",
        "<b>", "</b>", "<!-- c -->", "[!NOTE]", "|", "1.", "-", "+", "=", "---", "www.go.dev",
    };

    private static final String[] BLOCK = {
        "", "# ", "## ", "### ", "#### ", "- ", "* ", "1. ", "2) ", "> ", "> [!NOTE]\n> ", "> [!WARNING]\n> ", "    ", "  ", "   - ",
        "```sh\necho hi\n```\n", "```\ncode\n```\n", "~~~go\npackage main\n~~~\n", "---\n", "***\n", "===\n", "| a | b |\n|---|:-:|\n| 1 | 2 |\n",
        "[r]: https://go.dev/ref\n", "<div>\n", "\n",
    };

    @Test
    void everyFencedBlockIsWrittenOnceInOrder() {
        long seed = Long.getLong("goguides.fuzz.seed", 20261130L);
        int count = Integer.getInteger("goguides.fuzz.count", 1000);
        Random rnd = new Random(seed);
        GuideParser parser = new GuideParser(PlatformCatalog.builtIn());
        int withBlocks = 0;
        for (int i = 0; i < count; i++) {
            String md = document(rnd);
            try {
                List<Problem> problems = new ArrayList<>();
                Document handed = parser.read(md, Path.of("fuzz.md"), "fuzz.md", "fuzz", "en", problems).takeTree();
                Document doc = MarkdownRenderer.parse(md);
                List<Integer> fences = new ArrayList<>();
                for (Node n : doc.getDescendants()) if (n instanceof FencedCodeBlock f) fences.add(f.getStartLineNumber() + 1);
                String html = MarkdownRenderer.render(doc, line -> "<pre data-line=\"" + line + "\"></pre>", TITLES).html();
                List<Integer> written = new ArrayList<>();
                for (Matcher m = SNIPPET.matcher(html); m.find(); ) written.add(Integer.parseInt(m.group(1)));
                assertEquals(fences, written, "case " + i + " of seed " + seed + ":\n" + md + "\n" + html);
                // a build renders the tree the guide parser hands over (read with its CPU budget): the same page
                if (handed != null) assertEquals(html, MarkdownRenderer.render(handed, line -> "<pre data-line=\"" + line + "\"></pre>", TITLES).html(),
                        "case " + i + " of seed " + seed + ": the parse stage's tree renders differently:\n" + md);
                if (!fences.isEmpty()) withBlocks++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + " of seed " + seed + " throws " + e + ":\n" + md, e);
            }
        }
        // the check means something only if many documents have fenced blocks, also inside containers
        if (withBlocks < count / 5) fail("only " + withBlocks + " of " + count + " documents had a fenced block");
    }

    static String document(Random rnd) {
        StringBuilder b = new StringBuilder();
        if (rnd.nextBoolean()) b.append("---\ntitle: t\n---\n");
        int blocks = 1 + rnd.nextInt(8);
        for (int k = 0; k < blocks; k++) {
            String prefix = BLOCK[rnd.nextInt(BLOCK.length)];
            // a container (quote, callout, list) sometimes holds a nested block
            if (rnd.nextInt(4) == 0) prefix = prefix + BLOCK[rnd.nextInt(BLOCK.length)].replace("\n", "\n" + (prefix.startsWith(">") ? "> " : "  "));
            b.append(prefix);
            if (!prefix.endsWith("\n")) {
                int n = rnd.nextInt(12);
                for (int j = 0; j < n; j++) b.append(INLINE[rnd.nextInt(INLINE.length)]);
                b.append('\n');
            }
            if (rnd.nextInt(3) == 0) b.append('\n');
        }
        if (rnd.nextInt(5) == 0) return b.toString().replace("\n", "\r\n");
        return b.toString();
    }
}
