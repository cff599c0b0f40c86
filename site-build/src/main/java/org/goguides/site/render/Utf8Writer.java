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
    /** Chars encoded between two looks at the room left. */
    private static final int CHUNK = 4096;
    private byte[] buf;
    /** Where a string's chars are copied, a chunk at a time, to be encoded. */
    private final char[] scratch = new char[CHUNK];
    private int size;
    /** A high surrogate written last, waiting for its low half. */
    private char pendingHigh;

    Utf8Writer(int capacity) {
        buf = new byte[Math.max(capacity, 64)];
    }

    @Override
    public void write(String s, int off, int len) {
        // a chunk at a time through the char array path: one encoding loop, and copying a string's chars out is
        // cheaper than reading them one call at a time (C1 keeps String.charAt's checks)
        char[] chars = scratch;
        for (int end = off + len; off < end; ) {
            int n = Math.min(end - off, chars.length);
            s.getChars(off, off + n, chars, 0);
            write(chars, 0, n);
            off += n;
        }
    }

    @Override
    public void write(char[] c, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (pendingHigh != 0) {
                put(c[i++]); // the low half of a pair, or '?' for the high half and this char as it is
                continue;
            }
            // at most three bytes a char (a surrogate pair is four bytes for two chars): the chars that surely fit
            // are encoded without a check per byte, a chunk at a time; the buffer grows only when a chunk needs it
            // (room for three bytes a char of a whole guide body at once doubled a page's buffer for nothing)
            int room = (buf.length - size) / 3;
            if (room < end - i && room < CHUNK) {
                ensure(size + 3 * Math.min(end - i, CHUNK));
                room = (buf.length - size) / 3;
            }
            int stop = Math.min(end, i + room);
            i = encode(c, i, stop);
            if (i < stop) put(c[i++]); // a surrogate: put pairs a high half with the char after it, if that is its low half
        }
    }

    /** Encodes {@code c[from, to)} into the room the buffer has for it, up to the first surrogate; where it stopped. */
    private int encode(char[] c, int from, int to) {
        byte[] b = buf;
        int n = size;
        int i = from;
        for (; i < to; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                b[n++] = (byte) ch;
            } else if (ch < 0x800) {
                b[n++] = (byte) (0xC0 | ch >> 6);
                b[n++] = (byte) (0x80 | ch & 0x3F);
            } else if (ch < Character.MIN_SURROGATE || ch > Character.MAX_SURROGATE) {
                b[n++] = (byte) (0xE0 | ch >> 12);
                b[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | ch & 0x3F);
            } else {
                break;
            }
        }
        size = n;
        return i;
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
