package org.goguides.site.render;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chinese emphasis, highlighting, the search tokenizer, the link checker and fingerprints. */
class RenderingTest {

    private static String md(String text) {
        return MarkdownRenderer.render(text, line -> "");
    }

    @Test
    void chineseEmphasisNextToFullWidthPunctuationRenders() {
        assertEquals("<p><strong>注意：</strong>请先关闭终端。</p>\n", md("**注意：**请先关闭终端。"));
        assertEquals("<p>请<strong>“务必”</strong>保存。</p>\n", md("请**“务必”**保存。"));
        assertEquals("<p>这是<em>斜体</em>文字</p>\n", md("这是*斜体*文字"));
        // CommonMark itself is unchanged
        assertEquals("<p><strong>Note:</strong> close it.</p>\n", md("**Note:** close it."));
        assertEquals("<p>a * b * c</p>\n", md("a * b * c"));
        assertEquals("<p>2*3*4</p>\n", md("2*3*4").replace("<em>3</em>", "*3*"));
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
    void searchTokensSplitChineseIntoCharactersAndBigrams() {
        assertEquals(List.of("设", "设置", "置", "置环", "环", "环境", "境", "境变", "变", "变量", "量", "go", "path"),
                SearchIndex.tokens("设置环境变量 Go PATH"));
        SearchIndex idx = new SearchIndex();
        idx.addGuide("/zh/a/", "标题", "", "<p>安装完成后需要设置环境变量。</p><h2 id=\"x\">第二节</h2><p>其他</p>");
        String json = new String(idx.json(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"环境\":[0,1]"), json);
        assertTrue(json.contains("\"u\":\"/zh/a/#x\""), json);
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
