package org.goguides.site.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast HTML writer against flexmark's renderer: the same HTML for every guide of the repository,
 * the test fixtures and a sample of tricky Markdown; trees with nodes it does not know are left to flexmark.
 * {@code -Dgoguides.htmlbody.corpus=DIR} adds every Markdown file under DIR (e.g. the benchmark corpus).
 */
class HtmlBodyTest {
    private static final Map<String, String> TITLES = Map.of("note", "Note", "warning", "注意");

    @Test
    void writesWhatFlexmarkWritesForEveryGuide() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("../content", "src/test/resources", "../checks/src/test/resources",
                System.getProperty("goguides.htmlbody.corpus", "../content"))) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        int fast = 0;
        for (Path f : files) {
            String md = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).replace("\r\n", "\n");
            String mine = MarkdownRenderer.fastHtml(md, TITLES);
            if (mine == null) continue;
            fast++;
            assertEquals(MarkdownRenderer.flexmarkHtml(md, TITLES), mine, f.toString());
        }
        assertTrue(fast >= 14, "the guides of the repository take the fast path: " + fast + " of " + files.size());
    }

    @Test
    void writesWhatFlexmarkWritesForTrickyMarkdown() {
        List<String> samples = List.of(
                "# Title\n\nA *b* **c** ~~d~~ `e  f` [g](https://h.example/?a=1&b=\"2\" \"t&t\") <https://i.example> x\\*y &lt; 1 < 2 > 0 \"q\"\n",
                "- a\n- b\n  - c\n\n1. x\n2. y\n\n3. z\n\n7. seven\n8. eight\n",
                "- loose\n\n- list\n\n  second paragraph\n",
                "> quote\n> more\n\n> [!NOTE]\n> note **bold**\n>\n> - item\n\n> [!WARNING] inline\n",
                "| a | b | c |\n|:--|:-:|--:|\n| 1 | `2` | **3** |\n| 4 |\n",
                "line one  \nline two\\\nthree\n\n---\n\n***\n",
                "## Same\n\n## Same\n\n### 中文 标题 `code`\n\n<b>raw</b> inline <span>x</span>\n",
                "```sh\necho hi\n```\n\n- item\n\n  ```go\n  package main\n  ```\n");
        for (String md : samples) {
            String mine = MarkdownRenderer.fastHtml(md, TITLES);
            if (mine != null) assertEquals(MarkdownRenderer.flexmarkHtml(md, TITLES), mine, md);
        }
        assertNull(MarkdownRenderer.fastHtml("![img](a.png)\n", TITLES), "images are left to flexmark");
        assertNull(MarkdownRenderer.fastHtml("[ref]\n\n[ref]: https://x.example\n", TITLES), "reference links are left to flexmark");
    }
}
