package org.goguides.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.GuideParser;
import org.junit.jupiter.api.Test;

/** The text of a tree is cut from the page's String for both kinds of tree a page is rendered from, and reads the same. */
class SourceTextTest {
    private static final String GUIDE = "---\ntitle: 标题\nsummary: s\nplatforms: [linux]\n---\n\n# 标题\n\n正文 *强调* `code` [link](https://go.dev)\n\n"
            + "## 第二节\n\n- item 一\n- item two\n\n> quote\n";

    @Test
    void theParseStagesTreeIsReadFromItsString() {
        List<Problem> problems = new ArrayList<>();
        Document tree = new GuideParser(PlatformCatalog.builtIn())
                .read(GUIDE, Path.of("guides/x/index.zh.md"), "guides/x/index.zh.md", "x", "zh", problems).takeTree();
        assertEquals(List.of(), problems);
        assertReadAsRanges(tree);
    }

    @Test
    void aRenderersOwnParseIsReadFromItsString() {
        assertReadAsRanges(MarkdownRenderer.parse(GUIDE));
    }

    private static void assertReadAsRanges(Document tree) {
        SourceText source = new SourceText(tree);
        assertEquals(tree.getChars().length(), source.length());
        int texts = 0;
        for (Node n : tree.getDescendants()) {
            if (!(n instanceof Text)) continue;
            texts++;
            assertTrue(source.isRange(n.getChars()), n::toString);
            assertEquals(n.getChars().toString(), source.of(n.getChars()));
            StringBuilder b = new StringBuilder();
            source.appendTo(b, n.getChars());
            assertEquals(n.getChars().toString(), b.toString());
        }
        assertTrue(texts >= 6, "texts: " + texts);
    }
}
