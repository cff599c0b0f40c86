package org.goguides.site.render;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.goguides.site.view.Views.TocEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cases issue 21 found: the callout crash, Chinese emphasis, unique heading ids. */
class RendererCasesTest {
    private static final Map<String, String> TITLES = Map.of("note", "Note");

    /** The page HTML, each fenced block shown as an empty {@code pre} naming its line. */
    private static String html(String md) {
        return MarkdownRenderer.render(md, line -> "<pre data-line=\"" + line + "\"></pre>", TITLES).html();
    }

    @Test
    void aCalloutWithAFencedBlockInTheMiddleRendersWithTheBlockInPlace() {
        String md = "> [!NOTE]\n> Run this:\n>\n> ```sh\n> go version\n> ```\n>\n> Then continue.\n";
        assertEquals("<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n"
                + "<p>Run this:</p>\n<pre data-line=\"4\"></pre>\n<p>Then continue.</p>\n</div>\n", html(md));
        // deeper: a callout in a list, with a block between a paragraph and a list
        String nested = "- item\n\n  > [!NOTE]\n  > a\n  >\n  > ```sh\n  > x\n  > ```\n  >\n  > - b\n  > - c\n";
        assertTrue(html(nested).contains("<pre data-line=\"6\"></pre>"), html(nested));
    }

    @Test
    void chineseEmphasisCasesOfIssue21() {
        assertEquals("<p><em><strong>重要</strong></em>：请注意</p>\n", html("***重要***：请注意"));
        assertEquals("<p>匹配*.go和*.mod文件</p>\n", html("匹配*.go和*.mod文件"), "a glob stays text, as in CommonMark");
        assertEquals("<p>中文<strong>强调</strong>中文</p>\n", html("中文__强调__中文"));
        assertEquals("<p>中<em><strong>重要</strong></em>中</p>\n", html("中***重要***中"));
        // what worked before still does
        assertEquals("<p><strong>注意：</strong>请先关闭终端。</p>\n", html("**注意：**请先关闭终端。"));
        assertEquals("<p>请<strong>“务必”</strong>保存。</p>\n", html("请**“务必”**保存。"));
        assertEquals("<p>运行<strong><code>go env</code></strong>命令</p>\n", html("运行**`go env`**命令"));
        // and CommonMark outside Chinese (spec examples 418, 419 are fixed by the rule of 3)
        assertEquals("<p>foo<em><strong>bar</strong></em>baz</p>\n", html("foo***bar***baz"));
        assertEquals("<p>snake_case_word and *.go files</p>\n", html("snake_case_word and *.go files"));
    }

    @Test
    void headingIdsAreUniqueAndEveryHeadingIsInTheContents() {
        String md = "## 步骤\n\n## 步骤-1\n\n## 步骤\n\n## ？！\n\n### Same\n\n### Same\n\n## ...\n";
        MarkdownRenderer.Body b = MarkdownRenderer.render(md, line -> "", TITLES);
        Matcher m = Pattern.compile(" id=\"([^\"]*)\"").matcher(b.html());
        Set<String> ids = new HashSet<>();
        int n = 0;
        while (m.find()) {
            n++;
            assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1) + " in " + b.html());
        }
        assertEquals(7, n);
        assertEquals(List.of(new TocEntry("步骤", "步骤", 2), new TocEntry("步骤-1", "步骤-1", 2), new TocEntry("步骤-2", "步骤", 2),
                new TocEntry("section", "？！", 2), new TocEntry("same", "Same", 3), new TocEntry("same-1", "Same", 3),
                new TocEntry("section-1", "...", 2)), b.toc());
    }
}
