package org.goguides.checks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Text from content printed on a terminal cannot drive it: control characters are shown as escapes. */
class TerminalTextTest {
    @Test
    void escapesC0C1DelAndBidiControls() {
        assertEquals("\\e]0;title\\x07 \\e[2J", TerminalText.visible("\u001b]0;title\u0007 \u001b[2J"));
        assertEquals("over\\rwrite", TerminalText.visible("over\rwrite"));
        assertEquals("\\x00\\x08\\x7f\\u009b\\u0085", TerminalText.visible("\u0000\b\u007f\u009b\u0085"));
        assertEquals("\\u202eabc\\u202c \\u2066x\\u2069 \\u200f\\u061c \\u2028", TerminalText.visible("\u202eabc\u202c \u2066x\u2069 \u200f\u061c \u2028"));
    }

    @Test
    void keepsNewlinesTabsChineseAndBackslashes() {
        String s = "第一行\n\tsecond C:\\path 100%";
        assertSame(s, TerminalText.visible(s), "nothing to escape: the same string");
        assertEquals("a\\nb\\tc", TerminalText.visibleLine("a\nb\tc"));
        assertEquals("", TerminalText.visible(null));
    }
}
