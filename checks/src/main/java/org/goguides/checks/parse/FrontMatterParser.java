package org.goguides.checks.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.FrontMatter;

/**
 * Reads the YAML header of a guide: {@code title} (required), {@code summary}, {@code platforms},
 * {@code after} (the slug of the guide it builds on; whether that guide exists is checked with all guides),
 * and the keys other static site generators accept with their usual meanings ({@code description},
 * {@code weight}, {@code group}, {@code date}, {@code lastmod}, {@code draft}, {@code aliases},
 * {@code tags}). Unknown keys are errors with a "did you mean".
 */
final class FrontMatterParser {
    static final List<String> KEYS = List.of("title", "summary", "platforms", "after", "description", "weight", "group", "date", "lastmod",
            "draft", "aliases", "tags");
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?");

    /** Where the header ends: the text after it starts at {@code bodyLine} (1-based); -1 if there is none. */
    record Located(String yaml, int endLine) {
    }

    private FrontMatterParser() {
    }

    static Located locate(String text) {
        if (!text.startsWith("---\n")) return null;
        // line by line up to the closing line only: the body after it is not split
        int line = 2;
        for (int start = 4; start <= text.length(); line++) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            if (closes(text, start, end)) return new Located(text.substring(4, Math.max(4, start - 1)), line);
            start = end + 1;
        }
        return null;
    }

    /**
     * The start of a guide file's bytes, decoded and normalised ({@link TextFile#normalize}), up to the end of
     * the front matter's closing line, or the whole file when no line closes it: what {@link #parse} reads of a
     * file, without decoding the body of a guide whose front matter is all that is wanted.
     */
    static String header(byte[] bytes) {
        return header(bytes, true);
    }

    /** How many bytes of a file {@link #header(Path)} reads first: more than a typical front matter. */
    static final int PREFIX = 4096;

    /**
     * {@link #header(byte[])} of the file, reading only its first {@link #PREFIX} bytes when the front matter
     * closes within them (a guide's body is not read), else the whole file.
     */
    static String header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(PREFIX);
            if (start.length < PREFIX) return header(start, true);
            String head = header(start, false);
            if (head != null) return head;
            byte[] rest = in.readAllBytes();
            byte[] all = Arrays.copyOf(start, start.length + rest.length);
            System.arraycopy(rest, 0, all, start.length, rest.length);
            return header(all, true);
        }
    }

    /**
     * @param whole whether {@code bytes} are the whole file; if not, null when they do not hold the closing line
     *              and its line end (the rest of the file could change the answer)
     */
    private static String header(byte[] bytes, boolean whole) {
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        boolean opens = bytes.length >= from + 4 && bytes[from] == '-' && bytes[from + 1] == '-' && bytes[from + 2] == '-'
                && (bytes[from + 3] == '\n' || bytes[from + 3] == '\r');
        for (int p = from + 4; opens && p + 3 <= bytes.length; p++) {
            byte b = bytes[p - 1];
            if (b != '\n' && b != '\r' || !(bytes[p] == '-' && bytes[p + 1] == '-' && bytes[p + 2] == '-'
                    || bytes[p] == '.' && bytes[p + 1] == '.' && bytes[p + 2] == '.')) continue;
            int end = p + 3;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') end++;
            if (!whole && end == bytes.length) return null;
            // only the closing line's rest is decoded until one closes (a file of "----" lines stays linear)
            if (!new String(bytes, p + 3, end - p - 3, StandardCharsets.UTF_8).isBlank()) continue;
            String head = TextFile.normalize(new String(bytes, 0, end, StandardCharsets.UTF_8));
            if (locate(head) != null) return head;
        }
        return whole ? TextFile.normalize(new String(bytes, StandardCharsets.UTF_8)) : null;
    }

    /** Whether the line {@code [start, end)} is {@code ---} or {@code ...}, trailing whitespace aside. */
    private static boolean closes(String text, int start, int end) {
        if (end - start < 3 || !text.startsWith("---", start) && !text.startsWith("...", start)) return false;
        for (int i = start + 3; i < end; i++) if (!Character.isWhitespace(text.charAt(i))) return false;
        return true;
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
            Object o = loc.yaml().isBlank() ? Map.of() : YamlText.read(loc.yaml());
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
        String description = scalar(map, "description", loc.yaml(), problem).strip();
        String group = scalar(map, "group", loc.yaml(), problem).strip();
        int weight = 0;
        Object w = map.get("weight");
        if (w != null) {
            if (w instanceof Integer i) weight = i;
            else problem.accept(lineOf(loc.yaml(), "weight"), "weight must be a whole number (e.g. weight: 10; lower comes first)");
        }
        String date = date(map, "date", loc.yaml(), problem);
        String lastmod = date(map, "lastmod", loc.yaml(), problem);
        boolean draft = false;
        Object d = map.get("draft");
        if (d != null) {
            if (d instanceof Boolean b) draft = b;
            else problem.accept(lineOf(loc.yaml(), "draft"), "draft must be true or false");
        }
        List<String> aliases = new ArrayList<>();
        for (String a : list(map, "aliases", loc.yaml(), problem)) {
            String path = a.strip();
            if (!path.startsWith("/") || path.startsWith("//") || path.contains("..") || path.contains(" ") || path.contains("?")
                    || path.contains("#") || path.contains("\\")) {
                problem.accept(lineOf(loc.yaml(), "aliases"), "alias \"" + a + "\" must be a path on this site starting with / "
                        + "(e.g. /en/old-name/), without spaces, .., ? or #");
            } else aliases.add(path.endsWith("/") || path.endsWith(".html") ? path : path + "/");
        }
        List<String> tags = list(map, "tags", loc.yaml(), problem).stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
        return new FrontMatter(title.strip(), summary.strip(), platforms, after, afterLine, description, weight, group, date, lastmod, draft, aliases, tags);
    }

    /** A date key: an ISO date or date-time (YAML may have read it as text); the date part is kept. */
    private static String date(Map<?, ?> map, String key, String yaml, BiConsumer<Integer, String> problem) {
        Object v = map.get(key);
        if (v == null) return "";
        String s = String.valueOf(v).strip();
        if (!DATE.matcher(s).matches()) {
            problem.accept(lineOf(yaml, key), key + " must be a date like 2026-11-21 (or 2026-11-21T09:30:00Z), not \"" + s + "\"");
            return "";
        }
        try {
            return java.time.LocalDate.parse(s.substring(0, 10)).toString();
        } catch (java.time.format.DateTimeParseException e) {
            problem.accept(lineOf(yaml, key), key + " is not a real day: \"" + s + "\"");
            return "";
        }
    }

    /** A list of text values; a single value counts as a list of one. */
    private static List<String> list(Map<?, ?> map, String key, String yaml, BiConsumer<Integer, String> problem) {
        Object v = map.get(key);
        if (v == null) return List.of();
        List<?> raw = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        for (Object o : raw) {
            if (o instanceof Map || o instanceof List || o == null) {
                problem.accept(lineOf(yaml, key), key + " must be a list of text values ([a, b])");
                return List.of();
            }
            out.add(String.valueOf(o));
        }
        return out;
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
