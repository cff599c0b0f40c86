package org.goguides.site.render;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A GitHub alert ({@code > [!NOTE]}): a block quote whose first line names a kind, shown as a titled box;
 * {@link MarkdownRenderer} puts it in the tree in place of the quote, {@link BodyHtml} writes it.
 */
final class Callout extends Block {
    private final String kind;
    private final String title;

    /**
     * @param kind note, tip, important, warning or caution
     * @param title the kind in the page's language
     */
    Callout(String kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    String kind() {
        return kind;
    }

    String title() {
        return title;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
