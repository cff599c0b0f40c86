package org.goguides.site.render;

import org.goguides.site.view.Highlighter;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chinese emphasis, callouts, tables, links, TOC, highlighting, search entries, the link checker and fingerprints. */
class RenderingTest {

    private static String md(String text) {
        return MarkdownRenderer.render(text);
    }

    @Test
    void chineseEmphasisNextToFullWidthPunctuationRenders() {
        assertEquals("<p><strong>注意：</strong>请先关闭终端。</p>\n", md("**注意：**请先关闭终端。"));
        assertEquals("<p>请<strong>“务必”</strong>保存。</p>\n", md("请**“务必”**保存。"));
        assertEquals("<p>这是<em>斜体</em>文字</p>\n", md("这是*斜体*文字"));
        // CommonMark itself is unchanged
        assertEquals("<p><strong>Note:</strong> close it.</p>\n", md("**Note:** close it."));
        assertEquals("<p>a * b * c</p>\n", md("a * b * c"));
        assertEquals("<p>2<em>3</em>4</p>\n", md("2*3*4"), "* opens and closes inside a word, as CommonMark says");
    }

    @Test
    void highlightsEachLanguageAndEscapesEverything() {
        String console = Highlighter.html("console", "$ go version\ngo version <b>");
        assertEquals("<span class=\"tk-p\">$</span> <span class=\"tk-b\">go</span> version\n<span class=\"tk-out\">go version &lt;b&gt;</span>", console);
        assertTrue(Highlighter.html("go", "func main() { s := \"x\" }").contains("<span class=\"tk-k\">func</span>"));
        assertTrue(Highlighter.html("json", "{\"a\": 1}").contains("<span class=\"tk-a\">&quot;a&quot;</span>"));
        assertTrue(Highlighter.html("yaml", "name: x # c").contains("<span class=\"tk-a\">name</span>"));
        assertTrue(Highlighter.html("toml", "[mod]\npath = \"p\"").contains("<span class=\"tk-k\">[mod]</span>"));
        assertTrue(Highlighter.html("powershell", "Get-Item $env:HOME").contains("<span class=\"tk-v\">$env:HOME</span>"));
        assertTrue(Highlighter.html("sh", "echo \"$HOME\" # x").contains("<span class=\"tk-c\"># x</span>"));
        assertEquals("&lt;script&gt;", Highlighter.html("text", "<script>"));
        for (String lang : List.of("sh", "console", "go", "json", "yaml", "toml", "powershell")) {
            assertFalse(Highlighter.html(lang, "<img src=x onerror=alert(1)>").contains("<img"), lang);
        }
    }

    @Test
    void alertsBecomeCalloutsInThePageLanguage() {
        MarkdownRenderer.Body b = MarkdownRenderer.render("> [!WARNING]\n> Close **all** terminals.\n\n> [!TIP] Inline\n\n> plain quote\n",
                line -> "", Map.of("warning", "注意", "tip", "提示"));
        assertEquals("<div class=\"callout callout-warning\" role=\"alert\">\n<p class=\"callout-title\">注意</p>\n"
                + "<p>Close <strong>all</strong> terminals.</p>\n</div>\n"
                + "<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">提示</p>\n<p>Inline</p>\n</div>\n"
                + "<blockquote>\n<p>plain quote</p>\n</blockquote>\n", b.html());
    }

    @Test
    void imagesReferenceLinksEntitiesAndRawHtmlHaveOneRendering() {
        assertEquals("<p><img src=\"a.png\" alt=\"img\" title=\"t\" /></p>\n", md("![img](a.png \"t\")\n"));
        assertEquals("<p><a href=\"https://x.example\" title=\"T\" rel=\"noopener noreferrer\">ref</a> and "
                + "<a href=\"https://x.example\" title=\"T\" rel=\"noopener noreferrer\">x</a> <a href=\"../y/\">y</a></p>\n",
                md("[ref] and [x][ref] [y]\n\n[ref]: https://x.example \"T\"\n[y]: ../y/\n"), "an external reference link is marked too");
        assertEquals("<p>A <em>b</em> <strong>c</strong> <del>d</del> <code>e  f</code> <a href=\"https://h.example/?a=1&amp;b=&quot;2&quot;\" "
                + "title=\"t&amp;t\" rel=\"noopener noreferrer\">g</a> <a href=\"https://i.example\" rel=\"noopener noreferrer\">https://i.example</a> "
                + "x*y &lt; 1 &lt; 2 &gt; 0 &quot;q&quot;</p>\n",
                md("# Title\n\nA *b* **c** ~~d~~ `e  f` [g](https://h.example/?a=1&b=\"2\" \"t&t\") <https://i.example> x\\*y &lt; 1 < 2 > 0 \"q\"\n"));
        assertEquals("<p>&lt;div&gt;raw&lt;/div&gt;</p>\n<p>© a www.go.dev</p>\n", md("<div>raw</div>\n\n&copy; &#x61; www.go.dev\n"),
                "raw HTML is escaped, entities resolved");
    }

    @Test
    void tablesScrollExternalLinksAreMarkedAndTheTitleIsLeftToThePage() {
        String html = md("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[go](https://go.dev/) [next](../next/) <https://example.org>\n");
        assertFalse(html.contains("<h1"), html);
        assertTrue(html.startsWith("<div class=\"table-wrap\" tabindex=\"0\">\n<table>"), html);
        assertTrue(html.contains("</table>\n</div>"), html);
        assertTrue(html.contains("<a href=\"https://go.dev/\" rel=\"noopener noreferrer\">go</a>"), html);
        assertTrue(html.contains("<a href=\"../next/\">next</a>"), html);
        assertTrue(html.contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">"), html);
    }

    @Test
    void tableOfContentsAndSearchSectionsComeFromTheHeadings() {
        MarkdownRenderer.Body b = MarkdownRenderer.render("---\ntitle: t\n---\n安装完成后需要设置环境变量。\n\n## 第二节 `go env`\n\n其他\n\n"
                + "```sh\ngo env GOPATH\n```\n\n### Deeper\n\n- item *one*\n\n#### Not in the TOC\n", line -> "<pre>snippet</pre>", Map.of());
        assertEquals(List.of(new org.goguides.site.view.Views.TocEntry("第二节-go-env", "第二节 go env", 2),
                new org.goguides.site.view.Views.TocEntry("deeper", "Deeper", 3)), b.toc());
        assertTrue(b.html().contains("<pre>snippet</pre>"), b.html());
        assertTrue(b.html().contains("<h2 id=\"第二节-go-env\"><a href=\"#第二节-go-env\" class=\"anchor\" aria-hidden=\"true\" tabindex=\"-1\"></a>"), b.html());
        List<MarkdownRenderer.Section> s = b.sections();
        assertEquals(3, s.size());
        assertEquals("安装完成后需要设置环境变量。", s.get(0).text().strip());
        assertEquals("第二节 go env", s.get(1).heading());
        assertTrue(s.get(1).text().contains("其他") && s.get(1).text().contains("go env GOPATH"), s.get(1).text());
        assertTrue(s.get(2).text().contains("item one") && s.get(2).text().contains("Not in the TOC"), s.get(2).text());
        String json = new String(SearchIndex.json(List.of(SearchIndex.page("/zh/a/", "标题", "摘要", s), new byte[0],
                SearchIndex.page("/zh/b/", "B", "", List.of(new MarkdownRenderer.Section("", "", "x"))))), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("{\"docs\":[{\"u\":\"/zh/a/\",\"t\":\"标题\",\"h\":\"\",\"x\":\"摘要 安装完成后需要设置环境变量。\"},"
                + "{\"u\":\"/zh/a/#第二节-go-env\",\"t\":\"标题\",\"h\":\"第二节 go env\",\"x\":\"其他 go env GOPATH\"},"
                + "{\"u\":\"/zh/a/#deeper\",\"t\":\"标题\",\"h\":\"Deeper\",\"x\":\"item one Not in the TOC\"},"
                + "{\"u\":\"/zh/b/\",\"t\":\"B\",\"h\":\"\",\"x\":\"x\"}]}", json);
    }

    @Test
    void linkCheckerReportsMissingPagesAndAnchors() {
        Map<String, String> pages = Map.of(
                "en/a/index.html", "<a href=\"/en/b/#here\">ok</a><a href=\"../b/#gone\">x</a><a href=\"/en/c/\">y</a>"
                        + "<a href=\"https://example.org/\">ext</a><link rel=stylesheet href=\"/assets/s.css\"><a href=\"#top\">t</a><p id=top>",
                "en/b/index.html", "<h2 id=here>h</h2>");
        assertEquals(List.of("en/a/index.html: broken link ../b/#gone", "en/a/index.html: broken link /en/c/"),
                LinkChecker.check(pages, Set.of("assets/s.css")));
    }

    @Test
    void fingerprintsKeepTheExtension() {
        assertTrue(AssetManifest.fingerprint("site.css", new byte[] {1}).matches("site\\.[0-9a-f]{10}\\.css"));
    }
}
