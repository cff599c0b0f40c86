package org.goguides.checks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExpectedMergeTest {
    @Test
    void replacesOnlyWhatDiffers() {
        assertEquals("a\nB\nc", ExpectedMerge.merge("a\nb\nc", "a\nB\nc\n"));
    }

    @Test
    void keepsWildcardsThatStillMatch() {
        assertEquals("go version go1.[..] [..]\nnew", ExpectedMerge.merge("go version go1.[..] [..]\nold", "go version go1.26.8 linux/amd64\nnew\n"));
    }

    @Test
    void keepsAnEllipsisAndFixesTheLinesAfterIt() {
        assertEquals("alpha\n...\ngamma", ExpectedMerge.merge("alpha\n...\ndelta", "alpha\nbeta\ngamma\n"));
        assertEquals("...\nlast", ExpectedMerge.merge("...\nfirst", "x\ny\nlast\n"));
    }

    @Test
    void addsAndDropsLines() {
        assertEquals("a\nb\nc", ExpectedMerge.merge("a\nc", "a\nb\nc"));
        assertEquals("a", ExpectedMerge.merge("a\nb\nc", "a"));
        assertEquals("", ExpectedMerge.merge("gone", ""));
    }
}
