package org.goguides.site.view;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.goguides.checks.parse.Series;

/**
 * The series of a site ({@code after:} links between guides), known before any guide page is rendered so
 * that each page can link to the previous and next part. Read from the guides' front matter only: every
 * header is read up to its closing {@code ---}, and only the headers of guides in a series are parsed as YAML.
 */
public final class SeriesIndex {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    public static final SeriesIndex NONE = new SeriesIndex(Map.of(), Map.of());

    private final Map<String, String> after;
    private final Map<String, String> titles; // "slug/lang" -> title, for guides in a series

    private SeriesIndex(Map<String, String> after, Map<String, String> titles) {
        this.after = after;
        this.titles = titles;
    }

    /** Reads {@code guides/<slug>/index.<lang>.md} for the given ("slug", "lang") keys. */
    public static SeriesIndex scan(Path guidesDir, List<String[]> keys) throws IOException {
        Map<String, String> heads = new HashMap<>();
        Map<String, String> after = new HashMap<>();
        for (String[] k : keys) {
            String head = head(guidesDir.resolve(k[0]).resolve("index." + k[1] + ".md"));
            heads.put(k[0] + "/" + k[1], head);
            if (head.contains("\nafter:") || head.startsWith("after:")) {
                Object a = yaml(head).get("after");
                if (a instanceof String s && !s.isBlank()) after.putIfAbsent(k[0], s.strip());
            }
        }
        if (after.isEmpty()) return NONE;
        Map<String, String> titles = new HashMap<>();
        for (Map.Entry<String, String> e : heads.entrySet()) {
            String slug = e.getKey().substring(0, e.getKey().indexOf('/'));
            if (after.containsKey(slug) || after.containsValue(slug)) {
                Object t = yaml(e.getValue()).get("title");
                titles.put(e.getKey(), t == null ? slug : String.valueOf(t).strip());
            }
        }
        return new SeriesIndex(Map.copyOf(after), Map.copyOf(titles));
    }

    /** Where a guide stands in its series, with links to the previous and next part in the same language; null if in none. */
    public Views.SeriesNavView nav(String slug, String lang) {
        if (after.isEmpty()) return null;
        List<String> order = Series.order(after, slug);
        if (order.size() < 2) return null;
        int i = order.indexOf(slug);
        String prev = i > 0 ? order.get(i - 1) : null;
        String next = i < order.size() - 1 ? order.get(i + 1) : null;
        String prevTitle = prev == null ? null : titles.get(prev + "/" + lang);
        String nextTitle = next == null ? null : titles.get(next + "/" + lang);
        return new Views.SeriesNavView(i + 1, order.size(), prevTitle == null ? "" : prevTitle,
                prevTitle == null ? "" : ViewFactory.guideUrl(lang, prev), nextTitle == null ? "" : nextTitle,
                nextTitle == null ? "" : ViewFactory.guideUrl(lang, next));
    }

    /** The front matter's text, without its fences; empty when the file has none. */
    private static String head(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return "";
        StringBuilder b = new StringBuilder();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || !line.replace("\uFEFF", "").stripTrailing().equals("---")) return "";
            while ((line = r.readLine()) != null && !line.stripTrailing().equals("---") && b.length() < 64_000) b.append(line).append('\n');
        } catch (java.nio.charset.MalformedInputException e) {
            return ""; // reported by the guide's own parse
        }
        return b.toString();
    }

    private static Map<?, ?> yaml(String head) {
        try {
            return YAML.readValue(head, Object.class) instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException e) {
            return Map.of(); // reported by the guide's own parse
        }
    }
}
