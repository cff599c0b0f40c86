package org.goguides.site.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The search index of one language, built at build time so search needs no server: one entry per
 * section of a guide (split at h2/h3) and an inverted index from token to sections. Latin text is
 * split into lower-case words; Chinese, Japanese and Korean text, which has no spaces, into
 * single characters and overlapping bigrams, so a query such as 环境变量 (bigrams 环境, 境变, 变量)
 * finds the sentences that contain it. {@code site.js} tokenizes queries the same way.
 *
 * <p>Format: {@code {"docs":[{"u":url,"t":page title,"h":heading,"x":excerpt}], "terms":{token:[doc,weight,…]}}}.
 */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 600;

    private record Doc(String url, String title, String heading, String text) {
    }

    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, Map<Integer, Integer>> terms = new TreeMap<>();

    /** Adds a guide page: its title, URL and rendered body (snippet chrome such as badges is left out). */
    public void addGuide(String url, String title, String summary, String bodyHtml) {
        Document d = Jsoup.parseBodyFragment(bodyHtml);
        d.select(".snippet-head, .snippet-fold, .badges, .failure, .no-badges, .skip-reason, .expected-label, .anchor, .platform-status").remove();
        String heading = "";
        String anchor = "";
        StringBuilder text = new StringBuilder(summary == null ? "" : summary);
        boolean first = true;
        for (Element e : d.body().children()) {
            if (e.tagName().equals("h2") || e.tagName().equals("h3")) {
                add(url + (anchor.isEmpty() ? "" : "#" + anchor), title, heading, text.toString(), first);
                first = false;
                heading = e.text();
                anchor = e.id();
                text.setLength(0);
            } else {
                if (text.length() > 0) text.append(' ');
                text.append(e.text());
            }
        }
        add(url + (anchor.isEmpty() ? "" : "#" + anchor), title, heading, text.toString(), first);
    }

    private void add(String url, String title, String heading, String text, boolean first) {
        if (!first && heading.isEmpty() && text.isBlank()) return;
        int id = docs.size();
        docs.add(new Doc(url, title, heading, text));
        count(id, text, 1);
        count(id, heading, 4);
        count(id, title, first ? 6 : 2);
    }

    private void count(int doc, String text, int weight) {
        for (String t : tokens(text)) terms.computeIfAbsent(t, k -> new LinkedHashMap<>()).merge(doc, weight, Integer::sum);
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

    /** The index as compact JSON (UTF-8). */
    public byte[] json() {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, String>> ds = new ArrayList<>();
        for (Doc d : docs) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("u", d.url());
            m.put("t", d.title());
            m.put("h", d.heading());
            String x = d.text().replaceAll("\\s+", " ").strip();
            m.put("x", x.length() > EXCERPT ? x.substring(0, EXCERPT) + "…" : x);
            ds.add(m);
        }
        root.put("docs", ds);
        Map<String, int[]> ts = new LinkedHashMap<>();
        terms.forEach((t, m) -> {
            int[] a = new int[m.size() * 2];
            int k = 0;
            for (Map.Entry<Integer, Integer> e : m.entrySet()) {
                a[k++] = e.getKey();
                a[k++] = e.getValue();
            }
            ts.put(t, a);
        });
        root.put("terms", ts);
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
