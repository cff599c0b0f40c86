package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Random;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;

import org.junit.jupiter.api.Test;

/**
 * The budgeted text a guide is parsed from ({@link MarkdownLimits.Budgeted}) reads as flexmark's own sequences
 * do, so the tree is the one flexmark makes of a String, and it stops a parse only while it is armed.
 */
class BudgetedTextTest {
    private static MarkdownLimits.Budgeted text(String s) {
        return new MarkdownLimits.Budgeted(s, MarkdownLimits.budgetNanos());
    }

    @Test
    void itReadsAsFlexmarksCharSequenceDoes() {
        String s = "a\u0000b 中文\n**x**";
        BasedSequence mine = text(s);
        BasedSequence theirs = CharSubSequence.of(s);
        Random random = new Random(3);
        for (int n = 0; n < 2_000; n++) {
            int from = random.nextInt(s.length() + 1);
            int to = from + random.nextInt(s.length() - from + 1);
            BasedSequence a = mine.subSequence(from, to);
            BasedSequence b = theirs.subSequence(from, to);
            assertEquals(b.toString(), a.toString());
            assertEquals(b.getStartOffset(), a.getStartOffset());
            assertEquals(b.getEndOffset(), a.getEndOffset());
            assertEquals(b.getSourceRange(), a.getSourceRange());
            for (int i = 0; i < a.length(); i++) assertEquals(b.charAt(i), a.charAt(i));
            if (a.length() > 0) assertEquals(b.getIndexOffset(a.length()), a.getIndexOffset(a.length()));
            assertSame(mine, a.getBaseSequence());
            assertEquals(b.baseSubSequence(0, to).toString(), a.baseSubSequence(0, to).toString());
        }
        assertEquals('\uFFFD', mine.charAt(1), "a NUL reads as U+FFFD, as in every flexmark sequence");
        assertSame(mine, mine.subSequence(0, s.length()));
        assertThrows(StringIndexOutOfBoundsException.class, () -> mine.charAt(s.length()));
        assertThrows(StringIndexOutOfBoundsException.class, () -> mine.subSequence(2, 1));
    }

    @Test
    void everyGuideParsesToTheTreeOfItsString() throws Exception {
        for (Path g : RepositoryGuides.files()) {
            String markdown = TextFile.read(g).text();
            MarkdownLimits.Budgeted text = text(markdown);
            Node mine = GuideMarkdown.PARSER.parse(text);
            text.disarm();
            assertEquals(tree(GuideMarkdown.PARSER.parse(BasedSequence.of(markdown))), tree(mine), g.toString());
        }
    }

    @Test
    void itStopsAParseOnlyWhileArmed() {
        String s = "x".repeat(1 << 17);
        MarkdownLimits.Budgeted spent = new MarkdownLimits.Budgeted(s, -1);
        assertThrows(MarkdownLimits.OverBudget.class, () -> {
            for (int i = 0; i < s.length(); i++) spent.subSequence(i, i + 1).charAt(0);
        }, "the budget counts the reads of every part of the text");
        MarkdownLimits.Budgeted disarmed = new MarkdownLimits.Budgeted(s, -1);
        disarmed.subSequence(1, 5).disarm();
        for (int n = 0; n < 3; n++) for (int i = 0; i < s.length(); i++) disarmed.charAt(i);
    }

    /** Each node's class, place in the text and characters, in document order. */
    private static String tree(Node root) {
        StringBuilder b = new StringBuilder();
        Node n = root;
        while (n != null) {
            b.append(n.getClass().getSimpleName()).append(' ').append(n.getStartOffset()).append('-').append(n.getEndOffset())
                    .append(' ').append(n.getChars()).append('\n');
            if (n.getFirstChild() != null) n = n.getFirstChild();
            else {
                while (n != null && n.getNext() == null) n = n.getParent();
                if (n != null) n = n.getNext();
            }
        }
        return b.toString();
    }
}
