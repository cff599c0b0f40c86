package org.goguides.site.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;


/**
 * The search index of one language: the text of every section of every guide (split at h2/h3),
 * which {@code site.js} searches in the browser, so search needs no server. The browser matches
 * words by prefix and Chinese, Japanese and Korean runs as substrings (环境变量 is found inside a
 * sentence) and ranks by where the terms occur (page title, heading, text). Shipping the text costs
 * less than a prebuilt inverted index would (a CJK index needs every bigram) and costs the build
 * nothing but writing it.
 *
 * <p>Format: {@code {"docs":[{"u":url,"t":page title,"h":heading,"x":text}]}}; the first section of a
 * page has no {@code #anchor} in its URL and starts with the page's summary.
 *
 * <p>A page's entries are made on their own ({@link #page}, safe in parallel) and joined in page order
 * ({@link #json}), so the index is the same whatever the order of rendering.
 */
public final class SearchIndex {
    private SearchIndex() {
    }

    /** The entries of one page, as UTF-8 JSON objects separated by commas (no brackets). */
    public static byte[] page(String url, String title, String summary, List<MarkdownRenderer.Section> sections) {
        Utf8Writer out = new Utf8Writer(8192);
        boolean first = true;
        boolean any = false;
        for (MarkdownRenderer.Section s : sections) {
            String text = first && summary != null && !summary.isBlank() ? summary + " " + s.text() : s.text();
            int from = 0;
            int to = text.length();
            while (from < to && Character.isWhitespace(text.charAt(from))) from++;
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
            if (!first && s.heading().isEmpty() && from == to) continue;
            if (any) out.write(',');
            any = true;
            field(out, "{\"u\":", s.anchor().isEmpty() ? url : url + "#" + s.anchor());
            field(out, ",\"t\":", title);
            field(out, ",\"h\":", s.heading());
            out.write(",\"x\":", 0, 5);
            string(out, text, from, to, true);
            out.write('}');
            first = false;
        }
        return out.bytes();
    }

    private static void field(Utf8Writer out, String name, String value) {
        out.write(name, 0, name.length());
        string(out, value, 0, value.length(), false);
    }

    /**
     * {@code v[from, to)} as a JSON string as Jackson's generator writes it: quotes, backslashes, control characters
     * and surrogates escaped (the two-character escapes for backspace, tab, line feed, form feed and carriage return,
     * a six-character backslash-u escape for the others and for each half of a surrogate pair, as Jackson does by
     * default), everything else as it is. With {@code collapse}, each run of ASCII whitespace is one space
     * ({@code replaceAll("\\s+", " ")}: the search text, whose ends the caller has cut off as {@code strip()} does),
     * in the same pass as the escaping, without a copy of the text.
     */
    static void string(Utf8Writer out, String v, int from, int to, boolean collapse) {
        out.write('"');
        int run = from;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c > ' ' && c != '"' && c != '\\' && !Character.isSurrogate(c)) continue;
            if (collapse && space(c)) {
                if (c == ' ' && (i + 1 == to || !space(v.charAt(i + 1)))) continue; // a single space stays
                out.write(v, run, i - run);
                out.write(' ');
                while (i + 1 < to && space(v.charAt(i + 1))) i++;
                run = i + 1;
                continue;
            }
            if (c == ' ') continue;
            out.write(v, run, i - run);
            run = i + 1;
            switch (c) {
                case '"' -> out.write("\\\"", 0, 2);
                case '\\' -> out.write("\\\\", 0, 2);
                case '\b' -> out.write("\\b", 0, 2);
                case '\t' -> out.write("\\t", 0, 2);
                case '\n' -> out.write("\\n", 0, 2);
                case '\f' -> out.write("\\f", 0, 2);
                case '\r' -> out.write("\\r", 0, 2);
                default -> {
                    String hex = "\\u" + HEX[c >> 12] + HEX[c >> 8 & 0xF] + HEX[c >> 4 & 0xF] + HEX[c & 0xF];
                    out.write(hex, 0, hex.length());
                }
            }
        }
        out.write(v, run, to - run);
        out.write('"');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The index of the pages whose entries are given, in their order, as one array (a build writes its {@link #parts}). */
    public static byte[] json(List<byte[]> pages) {
        List<byte[]> parts = parts(pages);
        int size = 0;
        for (byte[] p : parts) size += p.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /**
     * {@link #json} as the pieces to write one after the other: the pages' own arrays between the brackets and
     * commas, so an index of many pages (60 MB at 5,000) is written without being copied into one array first.
     */
    public static List<byte[]> parts(List<byte[]> pages) {
        List<byte[]> out = new ArrayList<>(2 * pages.size() + 2);
        out.add(OPEN);
        boolean any = false;
        for (byte[] p : pages) {
            if (p.length == 0) continue;
            if (any) out.add(COMMA);
            out.add(p);
            any = true;
        }
        out.add(CLOSE);
        return out;
    }

    private static final byte[] OPEN = "{\"docs\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA = {','};
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

}
