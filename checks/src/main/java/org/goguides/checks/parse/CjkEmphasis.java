package org.goguides.checks.parse;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.delimiter.AsteriskDelimiterProcessor;
import com.vladsch.flexmark.parser.core.delimiter.UnderscoreDelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * Emphasis that works in Chinese: CommonMark's flanking rules refuse to close {@code **注意：**请…}
 * (the closing run follows full-width punctuation and precedes a letter), to open
 * {@code 请**“注意”**} and to open or close {@code 中文__强调__中文}. Readers of Chinese never put
 * spaces around emphasis, so a CJK character on the outer side of a delimiter run counts like
 * whitespace, with one exception: an opening run whose inner side is terminal punctuation or
 * {@code _} ({@code 匹配*.go和*.mod文件}, a glob) stays as CommonMark has it, text.
 *
 * <p>Both processors also apply CommonMark's "multiple of 3" rule as the spec states it (not when
 * both runs are multiples of 3), which flexmark core omits: {@code foo***bar***baz} and
 * {@code ***重要***：} are {@code <em><strong>}. Replaces flexmark's {@code *} and {@code _}
 * processors; everything else is standard CommonMark.
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
        options.set(Parser.UNDERSCORE_DELIMITER_PROCESSOR, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customDelimiterProcessor(new Asterisk());
        builder.customDelimiterProcessor(new Underscore());
    }

    /** Whether the character at the end of {@code s} ({@code last}) or at its start is CJK (ideograph, kana, hangul or CJK punctuation). */
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

    /** Text does not start with these after an opening run: {@code *.go}, {@code *_test.go} are globs, not emphasis. */
    private static boolean gluedLikeAGlob(String after) {
        return !after.isEmpty() && ".,;:!?_".indexOf(after.charAt(0)) >= 0;
    }

    /** Left-flanking, or a CJK character before a run that is followed by text. */
    static boolean left(String before, String after, boolean leftFlanking, boolean afterIsWhitespace) {
        return leftFlanking || !afterIsWhitespace && !after.isEmpty() && cjk(before, true) && !gluedLikeAGlob(after);
    }

    /** Right-flanking, or a CJK character after a run that follows text. */
    static boolean right(String before, String after, boolean rightFlanking, boolean beforeIsWhitespace) {
        return rightFlanking || !beforeIsWhitespace && !before.isEmpty() && cjk(after, false);
    }

    /** CommonMark's rule of 3: a run that can both open and close pairs with another run only if their lengths add up to no multiple of 3, unless both are. */
    static int use(DelimiterRun opener, DelimiterRun closer, int strongFirst) {
        int o = opener.length();
        int c = closer.length();
        if ((opener.canClose() || closer.canOpen()) && (o + c) % 3 == 0 && !(o % 3 == 0 && c % 3 == 0)) return 0;
        if (o < 3 || c < 3) return Math.min(o, c);
        return c % 2 == 0 ? 2 : strongFirst;
    }

    /** The {@code *} processor with CJK-aware flanking. */
    static final class Asterisk extends AsteriskDelimiterProcessor {
        Asterisk() {
            super(false);
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking, boolean beforeIsPunctuation,
                                   boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            return left(before, after, leftFlanking, afterIsWhitespace);
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking, boolean beforeIsPunctuation,
                                   boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            return right(before, after, rightFlanking, beforeIsWhitespace);
        }

        @Override
        public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
            return use(opener, closer, 2);
        }
    }

    /**
     * The {@code _} processor with CJK-aware flanking: a CJK character outside the run counts as
     * whitespace, so {@code 文__强} can open (it is not right-flanking) and {@code 调__中} can close.
     */
    static final class Underscore extends UnderscoreDelimiterProcessor {
        Underscore() {
            super(false);
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking, boolean beforeIsPunctuation,
                                   boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            boolean cjkBefore = cjk(before, true) && left(before, after, false, afterIsWhitespace);
            return cjkBefore || super.canBeOpener(before, after, leftFlanking, rightFlanking, beforeIsPunctuation, afterIsPunctuation,
                    beforeIsWhitespace, afterIsWhitespace);
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking, boolean beforeIsPunctuation,
                                   boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            boolean cjkAfter = cjk(after, false) && right(before, after, false, beforeIsWhitespace);
            return cjkAfter || super.canBeCloser(before, after, leftFlanking, rightFlanking, beforeIsPunctuation, afterIsPunctuation,
                    beforeIsWhitespace, afterIsWhitespace);
        }

        @Override
        public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
            return use(opener, closer, 2);
        }
    }
}
