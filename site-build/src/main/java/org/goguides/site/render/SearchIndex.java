package org.goguides.site.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

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
    private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

    private SearchIndex() {
    }

    /** The entries of one page, as UTF-8 JSON objects separated by commas (no brackets). */
    public static byte[] page(String url, String title, String summary, List<MarkdownRenderer.Section> sections) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            boolean first = true;
            boolean any = false;
            for (MarkdownRenderer.Section s : sections) {
                String text = collapse(first && summary != null && !summary.isBlank() ? summary + " " + s.text() : s.text()).strip();
                if (!first && s.heading().isEmpty() && text.isEmpty()) continue;
                if (any) g.writeRaw(',');
                any = true;
                g.writeStartObject();
                g.writeStringField("u", s.anchor().isEmpty() ? url : url + "#" + s.anchor());
                g.writeStringField("t", title);
                g.writeStringField("h", s.heading());
                g.writeStringField("x", text);
                g.writeEndObject();
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The index of the pages whose entries are given, in their order. */
    public static byte[] json(List<byte[]> pages) {
        int size = 12;
        for (byte[] p : pages) size += p.length + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes("{\"docs\":[".getBytes(StandardCharsets.UTF_8));
        boolean any = false;
        for (byte[] p : pages) {
            if (p.length == 0) continue;
            if (any) out.write(',');
            out.writeBytes(p);
            any = true;
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** {@code text.replaceAll("\\s+", " ")} without a regular expression, copying the runs between spaces whole. */
    static String collapse(String text) {
        StringBuilder b = null;
        int n = text.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > ' ' || !space(c)) continue;
            if (c == ' ' && (i + 1 == n || !space(text.charAt(i + 1)))) continue; // a single space stays
            if (b == null) b = new StringBuilder(n);
            b.append(text, from, i).append(' ');
            int j = i + 1;
            while (j < n && space(text.charAt(j))) j++;
            from = j;
            i = j - 1;
        }
        if (b == null) return text;
        return b.append(text, from, n).toString();
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

}
