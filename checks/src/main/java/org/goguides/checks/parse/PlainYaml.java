package org.goguides.checks.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML of a typical guide header without a YAML library: one {@code key: value} per line, the value
 * plain text that starts with a letter, {@code "quoted"} or {@code 'quoted'} text without escapes, a whole
 * number, {@code true} or {@code false}, or a list of simple words ({@code [linux, macos]}). Every other line,
 * value or character (comments, tabs, escapes, nesting, continuation lines, words YAML reads as something else
 * such as {@code yes}, {@code null} or {@code 1.5}, a repeated key) makes it return null: then the header is
 * read by the YAML library, whose results and error messages stay the only ones. What it does return equals
 * the library's reading of the same text ({@code PlainYamlTest} compares them), at a tenth of its cost.
 */
final class PlainYaml {
    /** Plain words YAML 1.1 reads as booleans or null, in any case: left to the library. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

    private PlainYaml() {
    }

    /** The keys and values of {@code yaml} in order, or null when it is not of the plain kind (read it with the YAML library). */
    static Map<String, Object> read(String yaml) {
        Map<String, Object> map = new LinkedHashMap<>();
        int n = yaml.length();
        for (int start = 0; start < n; ) {
            int end = yaml.indexOf('\n', start);
            if (end < 0) end = n;
            if (!entry(yaml, start, end, map)) return null;
            start = end + 1;
        }
        return map;
    }

    /** Adds the entry of one line to {@code map}; false when the line is outside the plain kind. */
    private static boolean entry(String yaml, int start, int end, Map<String, Object> map) {
        int i = start;
        while (i < end && yaml.charAt(i) == ' ') i++;
        if (i == end) return true; // a blank line
        if (i != start) return false; // indented: a continuation or nesting
        for (int k = start; k < end; k++) if (!allowed(yaml.charAt(k))) return false;
        if (!asciiLetter(yaml.charAt(i))) return false;
        while (i < end && (asciiLetter(yaml.charAt(i)) || digit(yaml.charAt(i)) || yaml.charAt(i) == '_' || yaml.charAt(i) == '-')) i++;
        if (i + 1 >= end || yaml.charAt(i) != ':' || yaml.charAt(i + 1) != ' ') return false;
        String key = yaml.substring(start, i);
        int v = i + 1;
        while (v < end && yaml.charAt(v) == ' ') v++;
        int e = end;
        while (e > v && yaml.charAt(e - 1) == ' ') e--;
        if (v == e || map.containsKey(key)) return false;
        Object value = value(yaml.substring(v, e));
        if (value == null) return false;
        map.put(key, value);
        return true;
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

    /** {@code [a, b-c, d.e]}: words of ASCII letters, digits, {@code . _ -} that start with a letter; null otherwise. */
    private static List<String> list(String s) {
        if (s.charAt(s.length() - 1) != ']') return null;
        List<String> out = new ArrayList<>();
        String inner = s.substring(1, s.length() - 1).strip();
        if (inner.isEmpty()) return out;
        for (String part : inner.split(",", -1)) {
            String w = part.strip();
            if (w.isEmpty() || !asciiLetter(w.charAt(0)) || RESERVED.contains(w.toLowerCase(java.util.Locale.ROOT))) return null;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (!asciiLetter(c) && !digit(c) && c != '.' && c != '_' && c != '-') return null;
            }
            out.add(w);
        }
        return out;
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

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
