package org.goguides.checks.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.FrontMatter;

/**
 * Reads the YAML header of a guide: {@code title} (required), {@code summary}, {@code platforms},
 * {@code after} (the slug of the guide it builds on; whether that guide exists is checked with all guides).
 */
final class FrontMatterParser {
    static final List<String> KEYS = List.of("title", "summary", "platforms", "after");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Where the header ends: the text after it starts at {@code bodyLine} (1-based); -1 if there is none. */
    record Located(String yaml, int endLine) {
    }

    private FrontMatterParser() {
    }

    static Located locate(String text) {
        if (!text.startsWith("---\n")) return null;
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].stripTrailing().equals("---") || lines[i].stripTrailing().equals("...")) {
                return new Located(String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i)), i + 1);
            }
        }
        return null;
    }

    static FrontMatter parse(String text, PlatformCatalog catalog, BiConsumer<Integer, String> problem) {
        Located loc = locate(text);
        if (loc == null) {
            problem.accept(1, text.startsWith("---") ? "front matter is not closed (end it with a line ---)"
                    : "missing front matter (start the file with ---, a line title: ..., and ---)");
            return new FrontMatter("", "", List.of());
        }
        Map<?, ?> map;
        try {
            Object o = loc.yaml().isBlank() ? Map.of() : YAML.readValue(loc.yaml(), Object.class);
            if (!(o instanceof Map<?, ?> m)) {
                problem.accept(2, "front matter must be YAML keys and values (title: ..., summary: ..., platforms: [...])");
                return new FrontMatter("", "", List.of());
            }
            map = m;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 2 : 1 + e.getLocation().getLineNr();
            problem.accept(line, "invalid YAML in front matter: " + e.getOriginalMessage().split("\n")[0]
                    + " (title: ..., summary: ..., platforms: [...])");
            return new FrontMatter("", "", List.of());
        }
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                problem.accept(lineOf(loc.yaml(), String.valueOf(k)), "unknown front matter key \"" + k + "\" ("
                        + Suggest.didYouMean(String.valueOf(k), KEYS) + "allowed: " + String.join(", ", KEYS) + ")");
            }
        }
        String title = scalar(map, "title", loc.yaml(), problem);
        if (title.isBlank()) problem.accept(map.containsKey("title") ? lineOf(loc.yaml(), "title") : 1,
                "missing title (add a line title: ... to the front matter)");
        String summary = scalar(map, "summary", loc.yaml(), problem);
        List<String> platforms = new ArrayList<>();
        Object p = map.get("platforms");
        if (p != null) {
            List<?> raw = p instanceof List<?> l ? l : List.of(p);
            for (Object o : raw) {
                String name = String.valueOf(o);
                if (catalog.contains(name)) platforms.add(name);
                else problem.accept(lineOf(loc.yaml(), "platforms"), "unknown platform \"" + name + "\" in platforms ("
                        + Suggest.didYouMean(name, catalog.names()) + "known: " + String.join(", ", catalog.names()) + ")");
            }
        }
        String after = scalar(map, "after", loc.yaml(), problem).strip();
        int afterLine = map.containsKey("after") ? lineOf(loc.yaml(), "after") : 0;
        if (map.containsKey("after") && !after.matches("[a-z0-9][a-z0-9-]*")) {
            problem.accept(afterLine, "after: must name one guide by its folder name, such as after: create-module (got \"" + after + "\")");
            after = "";
        }
        return new FrontMatter(title.strip(), summary.strip(), platforms, after, afterLine);
    }

    private static String scalar(Map<?, ?> map, String key, String yaml, BiConsumer<Integer, String> problem) {
        Object v = map.get(key);
        if (v == null) return "";
        if (v instanceof Map || v instanceof List) {
            problem.accept(lineOf(yaml, key), key + " must be text, not a " + (v instanceof Map ? "map" : "list"));
            return "";
        }
        return String.valueOf(v);
    }

    /** The file line of {@code key:} in the header (the header starts on file line 2). */
    private static int lineOf(String yaml, String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].startsWith(key + ":") || lines[i].startsWith(key + " :")) return i + 2;
        return 2;
    }
}
