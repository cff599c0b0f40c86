package org.goguides.site.render;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * A tree's text read as Strings: a node's chars that are a plain range of the page are cut from the page's String
 * (which the parse stage's budgeted text gives without a copy), not copied char by char through flexmark's sequence
 * classes and that budget check, as their {@code toString()} and {@code StringBuilder.append} do.
 */
final class SourceText {
    private final Object base;
    private final String source;

    SourceText(Document doc) {
        this.base = doc.getChars().getBase();
        this.source = base.toString();
    }

    int length() {
        return source.length();
    }

    String of(BasedSequence chars) {
        if (chars instanceof SubSequence && chars.getBase() == base) return source.substring(chars.getStartOffset(), chars.getEndOffset());
        return chars.toString();
    }

    void appendTo(StringBuilder out, BasedSequence chars) {
        if (chars instanceof SubSequence && chars.getBase() == base) out.append(source, chars.getStartOffset(), chars.getEndOffset());
        else out.append(chars);
    }
}
