package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Ids derived from headings: written without regular expressions, they must stay what the regular expressions made (ids are in results files). */
class SlugifyTest {
    /** The first implementation, with regular expressions. */
    private static String byRegex(String heading) {
        StringBuilder b = new StringBuilder();
        for (int cp : heading.strip().toLowerCase(Locale.ROOT).codePoints().toArray()) {
            if (Character.isLetterOrDigit(cp)) b.appendCodePoint(cp);
            else if (cp == ' ' || cp == '-' || cp == '_') b.append('-');
        }
        return b.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    }

    @Test
    void headingsGiveTheIdsTheyGaveBefore() {
        assertEquals("install-go-122-on-macos", GuideParser.slugify("  Install Go 1.22 — on macOS! "));
        assertEquals("安装-go", GuideParser.slugify("安装 Go："));
        assertEquals("", GuideParser.slugify(" - _ !"));
        String[] pieces = {"a", "Z", "9", " ", "  ", "-", "_", "--", "!", ".", "中", "文", "：", "\t", "İ", "ß", "\ud83d\ude00", "\ud835\udc00", "é", "\u00a0"};
        Random random = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder h = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) h.append(pieces[random.nextInt(pieces.length)]);
            assertEquals(byRegex(h.toString()), GuideParser.slugify(h.toString()), h.toString());
        }
    }
}
