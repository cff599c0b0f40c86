package org.goguides.site.render;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A tree's text read as Strings: a node's chars that are a plain range of the page are cut from one String of the
 * page, made once, not copied char by char through flexmark's sequence classes and the parse stage's budget check,
 * as {@code StringBuilder.append(CharSequence)} does. A plain range is a sequence of the document's own class over
 * the same base (the parse stage's budgeted text, flexmark's {@code CharSubSequence} or {@code SubSequence}: their
 * sub-sequences are ranges of it); anything else (a segmented or prefixed sequence) is read as it is.
 */
final class SourceText {
    private final Object base;
    private final Class<?> plain;
    private final int offset;
    private final String source;

    SourceText(Document doc) {
        BasedSequence root = doc.getChars();
        this.base = root.getBase();
        this.plain = root.getClass();
        this.offset = root.getStartOffset();
        this.source = root.toString();
    }

    int length() {
        return source.length();
    }

    /** Whether {@code chars} is read from the page's String. */
    boolean isRange(BasedSequence chars) {
        return chars.getClass() == plain && chars.getBase() == base && chars.getStartOffset() >= offset
                && chars.getEndOffset() - offset <= source.length();
    }

    String of(BasedSequence chars) {
        if (isRange(chars)) return source.substring(chars.getStartOffset() - offset, chars.getEndOffset() - offset);
        return chars.toString();
    }

    void appendTo(StringBuilder out, BasedSequence chars) {
        if (isRange(chars)) out.append(source, chars.getStartOffset() - offset, chars.getEndOffset() - offset);
        else out.append(chars);
    }
}
