package org.goguides.site.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that encodes what it is given straight into UTF-8 bytes, for a page that is written to a file and
 * link-scanned as bytes: no char buffer that grows by copies, inflates to two bytes a char at the first Chinese
 * character, and is then copied into a String and encoded again. Encodes as {@link String#getBytes} with UTF-8 does,
 * an unpaired surrogate (even one split across two writes only if it stays unpaired) as {@code ?}.
 */
final class Utf8Writer extends Writer {
    private byte[] buf;
    private int size;
    /** A high surrogate written last, waiting for its low half. */
    private char pendingHigh;

    Utf8Writer(int capacity) {
        buf = new byte[Math.max(capacity, 64)];
    }

    @Override
    public void write(String s, int off, int len) {
        int end = off + len;
        int i = off;
        while (pendingHigh != 0 && i < end) put(s.charAt(i++));
        // at most three bytes a char (a surrogate pair is four bytes for two chars): room for all of it at once
        ensure(size + 3 * (end - i));
        byte[] b = buf;
        int n = size;
        while (i < end) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else {
                break; // a surrogate: the careful path below
            }
            i++;
        }
        size = n;
        for (; i < end; i++) put(s.charAt(i));
    }

    @Override
    public void write(char[] c, int off, int len) {
        ensure(size + len);
        for (int i = off; i < off + len; i++) put(c[i]);
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    private void put(char c) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                ensure(size + 4);
                buf[size++] = (byte) (0xF0 | cp >> 18);
                buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            byte1('?');
        }
        if (c < 0x80) {
            byte1(c);
        } else if (c < 0x800) {
            ensure(size + 2);
            buf[size++] = (byte) (0xC0 | c >> 6);
            buf[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            byte1('?');
        } else {
            ensure(size + 3);
            buf[size++] = (byte) (0xE0 | c >> 12);
            buf[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void byte1(int b) {
        ensure(size + 1);
        buf[size++] = (byte) b;
    }

    private void ensure(int needed) {
        if (needed > buf.length) buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
    }

    /** The bytes written, a high surrogate left unpaired at the end as {@code ?}. */
    byte[] bytes() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            byte1('?');
        }
        return Arrays.copyOf(buf, size);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
