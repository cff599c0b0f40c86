package org.goguides.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The writer's bytes are those of {@link String#getBytes} with UTF-8, however the text is cut into writes. */
class Utf8WriterTest {
    private static final char[] CHARS = {'a', 'Z', '<', '\n', '\u007f', '\u0080', 'é', '\u07ff', '\u0800', '中', '，', '\uffff',
        '\ud83d', '\ude00', '\ud800', '\udfff'};

    @Test
    void bytesAreStringsUtf8HoweverTheTextIsCut() {
        Random r = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(30); i > 0; i--) b.append(CHARS[r.nextInt(CHARS.length)]);
            String s = b.toString();
            Utf8Writer w = new Utf8Writer(r.nextInt(8));
            int at = 0;
            while (at < s.length()) {
                int len = 1 + r.nextInt(s.length() - at);
                switch (r.nextInt(3)) {
                    case 0 -> w.write(s, at, len);
                    case 1 -> w.write(s.toCharArray(), at, len);
                    default -> {
                        w.write(s.charAt(at));
                        len = 1;
                    }
                }
                at += len;
            }
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), w.bytes(), () -> s.chars().mapToObj(Integer::toHexString).toList().toString());
        }
    }

    /** Texts longer than the writer's chunk and its buffer: it grows a chunk at a time, surrogates anywhere. */
    @Test
    void longTextsGrowTheBufferAChunkAtATime() {
        Random r = new Random(12);
        for (int n = 0; n < 200; n++) {
            StringBuilder b = new StringBuilder();
            boolean ascii = r.nextBoolean();
            for (int i = r.nextInt(30_000); i > 0; i--) b.append(ascii && r.nextInt(1000) > 0 ? 'a' : CHARS[r.nextInt(CHARS.length)]);
            String s = b.toString();
            Utf8Writer w = new Utf8Writer(r.nextInt(100_000));
            int at = 0;
            while (at < s.length()) {
                int len = 1 + r.nextInt(s.length() - at);
                if (r.nextBoolean()) w.write(s, at, len);
                else w.write(s.toCharArray(), at, len);
                at += len;
            }
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), w.bytes());
        }
    }
}
