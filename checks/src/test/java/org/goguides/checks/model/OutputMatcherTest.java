package org.goguides.checks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;


class OutputMatcherTest {
    private static boolean matches(String expected, MatchMode mode, String actual) {
        return OutputMatcher.match(new ExpectedOutput(expected, mode, 1), actual).matched();
    }

    @Test
    void exactIgnoresTrailingWhitespaceAndTrailingBlankLines() {
        assertTrue(matches("a\nb", MatchMode.EXACT, "a  \nb\t\n\n\n"));
        assertFalse(matches("a\nb", MatchMode.EXACT, "a\nb\nc\n"));
        assertFalse(matches("a", MatchMode.EXACT, " a\n"), "leading whitespace counts");
        assertTrue(matches("", MatchMode.EXACT, "\n"));
    }

    @Test
    void wildcardsMatchTextAndLines() {
        assertTrue(matches("go version go1.[..] [..]/[..]", MatchMode.EXACT, "go version go1.26.8 linux/amd64\n"));
        assertFalse(matches("go version go1.[..]", MatchMode.EXACT, "go version devel\n"));
        assertTrue(matches("first\n...\nlast", MatchMode.EXACT, "first\nx\ny\nlast\n"));
        assertTrue(matches("first\n...\nlast", MatchMode.EXACT, "first\nlast\n"), "... matches zero lines");
        assertFalse(matches("first\n...\nlast", MatchMode.EXACT, "first\nx\n"));
        assertTrue(matches("...", MatchMode.EXACT, "anything\nat all\n"));
        assertTrue(matches("a.b*c(d)", MatchMode.EXACT, "a.b*c(d)\n"), "regex characters are literal");
        assertFalse(matches("a.b", MatchMode.EXACT, "axb\n"));
    }

    @Test
    void containsFindsAConsecutiveRun() {
        assertTrue(matches("two\nthree", MatchMode.CONTAINS, "one\ntwo\nthree\nfour\n"));
        assertFalse(matches("two\nfour", MatchMode.CONTAINS, "one\ntwo\nthree\nfour\n"));
    }

    @Test
    void regexIsFoundWithLineAnchors() {
        assertTrue(matches("^go1\\.\\d+", MatchMode.REGEX, "x\ngo1.26\n"));
        assertFalse(matches("^python", MatchMode.REGEX, "go1.26\n"));
    }

    @Test
    void aDiffShowsExpectedAgainstActual() {
        String diff = OutputMatcher.match(new ExpectedOutput("a\nb\nc", MatchMode.EXACT, 1), "a\nB\nc\n").diff();
        assertEquals("--- expected\n+++ actual\n  a\n- b\n+ B\n  c\n", diff, "expected lines before actual ones");
    }
}
