package org.goguides.site.render;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.delimiter.AsteriskDelimiterProcessor;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * Emphasis that works in Chinese: CommonMark's flanking rules refuse to close {@code **注意：**请…}
 * (the closing run follows full-width punctuation and precedes a letter) and to open
 * {@code 请**“注意”**}. Readers of Chinese never put spaces around emphasis, so a CJK character on
 * the outer side of a delimiter run is treated like whitespace. Replaces flexmark's {@code *}
 * processor; everything else is standard CommonMark.
 */
public final class CjkEmphasis implements Parser.ParserExtension {
    private CjkEmphasis() {
    }

    public static CjkEmphasis create() {
        return new CjkEmphasis();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        options.set(Parser.ASTERISK_DELIMITER_PROCESSOR, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customDelimiterProcessor(new Processor());
    }

    /** Whether the character at the end of {@code before} or the start of {@code after} is CJK (ideograph, kana, hangul or CJK punctuation). */
    static boolean cjk(String s, boolean last) {
        if (s == null || s.isEmpty()) return false;
        int cp = last ? s.codePointBefore(s.length()) : s.codePointAt(0);
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        if (sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL) return true;
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.GENERAL_PUNCTUATION && (cp == '“' || cp == '”' || cp == '‘' || cp == '’' || cp == '…' || cp == '—');
    }

    /** The {@code *} processor with CJK-aware flanking. */
    static final class Processor extends AsteriskDelimiterProcessor {
        Processor() {
            super(false);
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking, boolean beforeIsPunctuation,
                                   boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            boolean left = leftFlanking || !afterIsWhitespace && cjk(before, true) && !after.isEmpty();
            return super.canBeOpener(before, after, left, rightFlanking, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking, boolean beforeIsPunctuation,
                                   boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            boolean right = rightFlanking || !beforeIsWhitespace && cjk(after, false) && !before.isEmpty();
            return super.canBeCloser(before, after, leftFlanking, right, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
        }
    }
}
