package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The usual link targets are judged without a copy; every target is judged as the full reading judges it. */
class SafeUrlTest {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");

    /** The full reading: blanks, controls and format characters removed, then the scheme. */
    private static String fullReading(String url) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' && !(c >= 0x7F && c <= 0x9F) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                    && Character.getType(c) != Character.FORMAT) b.append(c);
        }
        Matcher m = SCHEME.matcher(b);
        if (!m.find()) return null;
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        return SafeUrl.SCHEMES.contains(scheme) ? null : scheme;
    }

    @Test
    void everyTargetIsJudgedAsTheFullReadingJudgesIt() {
        String[] pieces = {"https://", "http://", "#", "/", ".", "..", "javascript", "JaVa", ":", " ", "\t", "\n", "\u200b", "\u0000",
                "\u0085", "a", "x.example", "?q=1", "data", "mailto", "&#x61;", "script", "\u3000"};
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder url = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) url.append(pieces[random.nextInt(pieces.length)]);
            assertEquals(fullReading(url.toString()), SafeUrl.unsafeScheme(url.toString()), url.toString());
        }
    }
}
