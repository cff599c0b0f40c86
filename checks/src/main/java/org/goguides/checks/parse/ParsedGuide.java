package org.goguides.checks.parse;

import com.vladsch.flexmark.util.ast.Document;

import org.goguides.checks.model.Guide;

/**
 * A guide with the tree ({@link GuideMarkdown}) it was read from, handed by the parse stage to a caller that
 * renders it, so a build parses each guide once. The model never holds a tree ({@link Guide} is plain data
 * that lives for the whole build): the tree travels only with this hand-off, and is {@linkplain #takeTree()
 * taken} once, so it is garbage as soon as its page is written.
 */
public final class ParsedGuide {
    private final Guide guide;
    private Document tree;

    ParsedGuide(Guide guide, Document tree) {
        this.guide = guide;
        this.tree = tree;
    }

    public Guide guide() {
        return guide;
    }

    /**
     * The tree, handed over once (rendering changes it: callouts, the title left out); null when the guide
     * was not parsed (too large, too slow or too deep: its problem says so) or the tree was taken already.
     */
    public synchronized Document takeTree() {
        Document t = tree;
        tree = null;
        return t;
    }
}
