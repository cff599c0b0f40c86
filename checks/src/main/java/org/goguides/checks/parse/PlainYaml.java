package org.goguides.checks.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML of a typical guide header, {@code site.yml}, {@code platforms.yml} or interface text without a
 * YAML library: one {@code key: value} per line, or a {@code key:} line whose value is the block of
 * {@code key: value} lines indented below it (one level); the value plain text that starts with a letter,
 * {@code "quoted"} or {@code 'quoted'} text without escapes, a whole number, {@code true} or {@code false}, a list
 * of simple words ({@code [linux, macos]}) or a map of simple words or quoted text ({@code {os: linux, wsl: true}});
 * whole-line comments. Every other line, value or character (trailing comments, tabs, escapes, deeper nesting,
 * continuation lines, words YAML reads as something else such as {@code yes}, {@code null} or {@code 1.5}, a
 * repeated key, a document of comments only) makes it return null: then the text is read by the YAML library,
 * whose results and error messages stay the only ones. What it does return equals the library's reading of the
 * same text ({@code PlainYamlTest} compares them), at a tenth of its cost.
 */
final class PlainYaml {
    /** Plain words YAML 1.1 reads as booleans or null, in any case: left to the library. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

    private PlainYaml() {
    }

    /** The keys and values of {@code yaml} in order, or null when it is not of the plain kind (read it with the YAML library). */
    static Map<String, Object> read(String yaml) {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Object> block = null; // the map of the last "key:" line, filled by the indented lines below it
        int indent = 0; // the indentation of the block's lines, 0 until its first line
        int n = yaml.length();
        for (int start = 0; start < n; ) {
            int end = yaml.indexOf('\n', start);
            if (end < 0) end = n;
            int i = start;
            while (i < end && yaml.charAt(i) == ' ') i++;
            for (int k = i; k < end; k++) if (!allowed(yaml.charAt(k))) return null;
            if (i == end || yaml.charAt(i) == '#') {
                // a blank line or a comment line
            } else if (i == start) {
                if (block != null && block.isEmpty()) return null; // "key:" with nothing below is null
                block = null;
                int colon = key(yaml, start, end);
                if (colon < 0) return null;
                String key = yaml.substring(start, colon);
                if (map.containsKey(key)) return null;
                if (skipSpaces(yaml, colon + 1, end) == end) {
                    block = new LinkedHashMap<>();
                    indent = 0;
                    map.put(key, block);
                } else if (!entry(yaml, key, colon, end, map)) return null;
            } else {
                if (block == null || indent != 0 && i - start != indent) return null; // a continuation, or nesting of another depth
                indent = i - start;
                int colon = key(yaml, i, end);
                if (colon < 0) return null;
                String key = yaml.substring(i, colon);
                if (block.containsKey(key) || !entry(yaml, key, colon, end, block)) return null;
            }
            start = end + 1;
        }
        if (map.isEmpty() || block != null && block.isEmpty()) return null;
        return map;
    }

    /**
     * Where the key that starts at {@code i} ends (its colon, followed by a space or the line's end): a word of ASCII
     * letters, digits, {@code . _ -} that starts with a letter and is no reserved word; -1 when there is none.
     */
    private static int key(String yaml, int i, int end) {
        int k = word(yaml, i, end);
        if (k < 0 || k >= end || yaml.charAt(k) != ':' || k + 1 < end && yaml.charAt(k + 1) != ' ') return -1;
        return k;
    }

    /** Adds the entry of a {@code key: value} line (the value after {@code colon}) to {@code map}; false when the value is outside the plain kind. */
    private static boolean entry(String yaml, String key, int colon, int end, Map<String, Object> map) {
        int v = colon + 1;
        while (v < end && yaml.charAt(v) == ' ') v++;
        int e = end;
        while (e > v && yaml.charAt(e - 1) == ' ') e--;
        if (v == e) return false;
        Object value = value(yaml.substring(v, e));
        if (value == null) return false;
        map.put(key, value);
        return true;
    }

    /**
     * The end of the simple word at {@code i} (ASCII letters, digits, {@code . _ -}, starting with a letter, not a
     * reserved word), or -1 when none starts there.
     */
    private static int word(String s, int i, int end) {
        if (i >= end || !asciiLetter(s.charAt(i))) return -1;
        int k = i;
        while (k < end && wordChar(s.charAt(k))) k++;
        return RESERVED.contains(s.substring(i, k).toLowerCase(java.util.Locale.ROOT)) ? -1 : k;
    }

    /** The value of one line's text (trimmed, not empty), or null when it is outside the plain kind. */
    private static Object value(String s) {
        char first = s.charAt(0);
        if (first == '"' || first == '\'') {
            if (s.length() < 2 || s.charAt(s.length() - 1) != first) return null;
            String inner = s.substring(1, s.length() - 1);
            // no escapes, no inner quote (doubled '' or a quote closing early): the text is what stands between the quotes
            return inner.indexOf(first) >= 0 || first == '"' && inner.indexOf('\\') >= 0 ? null : inner;
        }
        if (first == '[') return list(s);
        if (first == '{') return flowMap(s);
        if (digit(first)) return wholeNumber(s);
        if (s.equals("true")) return Boolean.TRUE;
        if (s.equals("false")) return Boolean.FALSE;
        if (!Character.isLetter(first) || RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT))) return null;
        // plain text ends at ": " or " #" (a key, a comment) and may not end with ":": left to the library
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) return null;
        return s;
    }

    /** {@code 0} to {@code 999999999} without leading zeros (YAML 1.1 reads {@code 010} as octal), as an Integer. */
    private static Integer wholeNumber(String s) {
        if (s.length() > 9 || s.length() > 1 && s.charAt(0) == '0') return null;
        for (int i = 0; i < s.length(); i++) if (!digit(s.charAt(i))) return null;
        return Integer.valueOf(s);
    }

    /**
     * {@code s} without the spaces at its ends: only U+0020, the blank YAML skips there ({@link String#strip} also took
     * Unicode spaces such as the ideographic space U+3000, which YAML keeps as part of the word).
     */
    private static String spaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') from++;
        while (to > from && s.charAt(to - 1) == ' ') to--;
        return s.substring(from, to);
    }

    /** {@code [a, b-c, d.e]}: words of ASCII letters, digits, {@code . _ -} that start with a letter; null otherwise. */
    private static List<String> list(String s) {
        if (s.charAt(s.length() - 1) != ']') return null;
        List<String> out = new ArrayList<>();
        String inner = spaces(s.substring(1, s.length() - 1));
        if (inner.isEmpty()) return out;
        for (String part : inner.split(",", -1)) {
            String w = spaces(part);
            if (word(w, 0, w.length()) != w.length()) return null;
            out.add(w);
        }
        return out;
    }

    /**
     * {@code {a: b, c: "d e", f: true}}: keys that are simple words, values that are simple words, {@code true},
     * {@code false} or quoted text without escapes, on one line; null otherwise.
     */
    private static Map<String, Object> flowMap(String s) {
        if (s.charAt(s.length() - 1) != '}') return null;
        Map<String, Object> out = new LinkedHashMap<>();
        int end = s.length() - 1;
        int i = skipSpaces(s, 1, end);
        if (i == end) return out;
        while (true) {
            int colon = word(s, i, end);
            if (colon < 0 || colon + 1 >= end || s.charAt(colon) != ':' || s.charAt(colon + 1) != ' ') return null;
            String key = s.substring(i, colon);
            if (out.containsKey(key)) return null;
            int v = skipSpaces(s, colon + 1, end);
            if (v == end) return null;
            char q = s.charAt(v);
            int after;
            if (q == '"' || q == '\'') {
                int close = s.indexOf(q, v + 1);
                if (close < 0 || close >= end || q == '"' && s.substring(v + 1, close).indexOf('\\') >= 0) return null;
                out.put(key, s.substring(v + 1, close));
                after = close + 1;
            } else if (s.startsWith("true", v) || s.startsWith("false", v)) {
                after = v + (s.charAt(v) == 't' ? 4 : 5);
                if (after < end && wordChar(s.charAt(after))) return null;
                out.put(key, s.charAt(v) == 't');
            } else {
                after = word(s, v, end);
                if (after < 0) return null;
                out.put(key, s.substring(v, after));
            }
            i = skipSpaces(s, after, end);
            if (i == end) return out;
            if (s.charAt(i) != ',' || i + 1 >= end || s.charAt(i + 1) != ' ') return null;
            i = skipSpaces(s, i + 1, end);
            if (i == end) return null; // a trailing comma
        }
    }

    private static int skipSpaces(String s, int i, int end) {
        while (i < end && s.charAt(i) == ' ') i++;
        return i;
    }

    /**
     * Characters this reader takes as they are: printable ASCII and the Basic Multilingual Plane's letters and
     * punctuation, without tabs, control characters, surrogates (YAML checks pairs), the byte-order mark,
     * YAML's Unicode line breaks (U+2028, U+2029) and the non-characters U+FFFE, U+FFFF.
     */
    private static boolean allowed(char c) {
        if (c < 0x7F) return c >= 0x20;
        return c >= 0xA0 && c != 0x2028 && c != 0x2029 && !Character.isSurrogate(c) && c != 0xFEFF && c < 0xFFFE;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean wordChar(char c) {
        return asciiLetter(c) || digit(c) || c == '.' || c == '_' || c == '-';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
