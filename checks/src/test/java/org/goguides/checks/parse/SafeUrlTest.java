package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The usual link targets are judged without a copy; every target is judged as the full reading judges it. */
class SafeUrlTest {
    @Test
    void everyTargetIsJudgedAsTheFullReadingJudgesIt() {
        String[] pieces = {"https://", "http://", "#", "/", ".", "..", "javascript", "JaVa", ":", " ", "\t", "\n", "\u200b", "\u0000",
                "\u0085", "a", "x.example", "?q=1", "data", "mailto", "&#x61;", "script", "\u3000"};
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder url = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) url.append(pieces[random.nextInt(pieces.length)]);
            assertEquals(SafeUrl.unsafeSchemeRead(url.toString()), SafeUrl.unsafeScheme(url.toString()), url.toString());
        }
    }
}
