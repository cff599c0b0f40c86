package org.goguides.site.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The search index of one language, built at build time so search needs no server: one entry per
 * section of a guide (split at h2/h3) and an inverted index from token to sections. Latin text is
 * split into lower-case words; Chinese, Japanese and Korean text, which has no spaces, into
 * single characters and overlapping bigrams, so a query such as 环境变量 (bigrams 环境, 境变, 变量)
 * finds the sentences that contain it. {@code site.js} tokenizes queries the same way.
 *
 * <p>Format: {@code {"docs":[{"u":url,"t":page title,"h":heading,"x":excerpt}], "terms":{token:[doc,weight,…]}}}.
 *
 * <p>A guide is analysed on its own ({@link #analyze}, safe to run in parallel) and its sections are then
 * added in page order ({@link #add(Sections)}), so the index is the same whatever the order of analysis.
 */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 600;
    private static final String CHROME = ".snippet-head, .snippet-fold, .badges, .failure, .no-badges, .skip-reason, .expected-label, .anchor, .platform-status";

    /** One section of a page as indexed: where it is, its excerpt and its tokens with their weights. */
    private record Doc(String url, String title, String heading, String excerpt, String[] tokens, int[] weights) {
    }

    /** The analysed sections of one guide page, ready to be added to the index of its language. */
    public static final class Sections {
        private final List<Doc> docs = new ArrayList<>();
    }

    /** Growable (doc, weight) pairs of one token. */
    private static final class Postings {
        int[] a = new int[4];
        int n;

        void add(int doc, int weight) {
            if (n + 2 > a.length) a = Arrays.copyOf(a, a.length * 2);
            a[n++] = doc;
            a[n++] = weight;
        }
    }

    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, Postings> terms = new HashMap<>();

    /** Adds a guide page: its title, URL and rendered body (snippet chrome such as badges is left out). */
    public void addGuide(String url, String title, String summary, String bodyHtml) {
        add(analyze(url, title, summary, Jsoup.parseBodyFragment(bodyHtml).body()));
    }

    /**
     * Splits a rendered guide body into sections and tokenizes them. Removes the snippet chrome from
     * {@code body}, so pass a tree that is no longer needed (serialize it first).
     */
    public static Sections analyze(String url, String title, String summary, Element body) {
        body.select(CHROME).remove();
        Sections s = new Sections();
        String heading = "";
        String anchor = "";
        StringBuilder text = new StringBuilder(summary == null ? "" : summary);
        boolean first = true;
        for (Element e : body.children()) {
            if (e.tagName().equals("h2") || e.tagName().equals("h3")) {
                section(s, url + (anchor.isEmpty() ? "" : "#" + anchor), title, heading, text.toString(), first);
                first = false;
                heading = e.text();
                anchor = e.id();
                text.setLength(0);
            } else {
                if (text.length() > 0) text.append(' ');
                text.append(e.text());
            }
        }
        section(s, url + (anchor.isEmpty() ? "" : "#" + anchor), title, heading, text.toString(), first);
        return s;
    }

    private static void section(Sections s, String url, String title, String heading, String text, boolean first) {
        if (!first && heading.isEmpty() && text.isBlank()) return;
        // token -> weight, in first-seen order (the order does not show: postings are per token)
        Map<String, int[]> w = new LinkedHashMap<>();
        count(w, text, 1);
        count(w, heading, 4);
        count(w, title, first ? 6 : 2);
        String[] tokens = new String[w.size()];
        int[] weights = new int[w.size()];
        int i = 0;
        for (Map.Entry<String, int[]> e : w.entrySet()) {
            tokens[i] = e.getKey();
            weights[i++] = e.getValue()[0];
        }
        String x = collapse(text).strip();
        s.docs.add(new Doc(url, title, heading, x.length() > EXCERPT ? x.substring(0, EXCERPT) + "…" : x, tokens, weights));
    }

    /** {@code text.replaceAll("\\s+", " ")} without a regular expression. */
    static String collapse(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                if (!space) b.append(' ');
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        return b.toString();
    }

    private static void count(Map<String, int[]> w, String text, int weight) {
        for (String t : tokens(text)) w.computeIfAbsent(t, k -> new int[1])[0] += weight;
    }

    /** Adds the sections of one page; pages are numbered in the order they are added. */
    public void add(Sections s) {
        for (Doc d : s.docs) {
            int id = docs.size();
            docs.add(new Doc(d.url(), d.title(), d.heading(), d.excerpt(), null, null));
            for (int i = 0; i < d.tokens().length; i++) terms.computeIfAbsent(d.tokens()[i], k -> new Postings()).add(id, d.weights()[i]);
        }
    }

    /** Whether the character belongs to a script written without spaces (kana, CJK ideographs, hangul). */
    static boolean cjk(char c) {
        return c >= '\u3040' && c <= '\u30ff' || c >= '\u3400' && c <= '\u4dbf' || c >= '\u4e00' && c <= '\u9fff'
                || c >= '\uf900' && c <= '\ufaff' || c >= '\uac00' && c <= '\ud7af';
    }

    /** Words (lower case) and, for CJK runs, every character and every bigram. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String s = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (cjk(c)) {
                int j = i;
                while (j < s.length() && cjk(s.charAt(j))) j++;
                for (int k = i; k < j; k++) {
                    out.add(s.substring(k, k + 1));
                    if (k + 1 < j) out.add(s.substring(k, k + 2));
                }
                i = j;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_') && !cjk(s.charAt(j))) j++;
                out.add(s.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    /** The index as compact JSON (UTF-8), terms in sorted order. */
    public byte[] json() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024 + docs.size() * 1024);
        try (JsonGenerator g = JSON.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeArrayFieldStart("docs");
            for (Doc d : docs) {
                g.writeStartObject();
                g.writeStringField("u", d.url());
                g.writeStringField("t", d.title());
                g.writeStringField("h", d.heading());
                g.writeStringField("x", d.excerpt());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("terms");
            String[] keys = terms.keySet().toArray(new String[0]);
            Arrays.sort(keys);
            for (String k : keys) {
                Postings p = terms.get(k);
                g.writeFieldName(k);
                g.writeArray(p.a, 0, p.n);
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
