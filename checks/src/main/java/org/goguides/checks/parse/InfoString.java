package org.goguides.checks.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The info string of a fenced block split into its language and attributes:
 * {@code LANG {#id flag key=value key="value with spaces"}}, braces optional.
 * Tokenizing never throws; what cannot be read becomes an error message.
 *
 * @param lang the first word, possibly empty
 * @param attributes the attributes in the order written
 * @param errors what could not be read, without a position (the caller adds it)
 */
public record InfoString(String lang, List<Attribute> attributes, List<String> errors) {

    /** One attribute; {@code value} is null for a bare flag. {@code #x} is read as {@code id=x}. */
    public record Attribute(String key, String value) {
    }

    public static InfoString parse(String info) {
        String s = info.strip();
        int sp = 0;
        while (sp < s.length() && !Character.isWhitespace(s.charAt(sp)) && s.charAt(sp) != '{') sp++;
        String lang = s.substring(0, sp);
        String rest = s.substring(sp).strip();
        List<String> errors = new ArrayList<>();
        if (rest.startsWith("{")) {
            if (!rest.endsWith("}") || rest.length() < 2) {
                errors.add("unclosed attributes: \"" + rest + "\" has no closing } (write {key=value ...})");
                rest = rest.substring(1);
            } else {
                rest = rest.substring(1, rest.length() - 1);
            }
        } else if (rest.endsWith("}")) {
            errors.add("attributes end with } but do not start with { (write {key=value ...})");
            rest = rest.substring(0, rest.length() - 1);
        }
        return new InfoString(lang, tokenize(rest, errors), errors);
    }

    private static List<Attribute> tokenize(String s, List<String> errors) {
        List<Attribute> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=' && s.charAt(i) != '"') i++;
            String key = s.substring(start, i);
            if (i < n && s.charAt(i) == '"') {
                errors.add("unexpected quote after \"" + key + "\" (quote values as key=\"a value\")");
                i = skipQuoted(s, i, errors);
                continue;
            }
            if (i < n && s.charAt(i) == '=') {
                i++;
                String value;
                if (i < n && s.charAt(i) == '"') {
                    StringBuilder v = new StringBuilder();
                    int j = i + 1;
                    boolean closed = false;
                    while (j < n) {
                        char d = s.charAt(j);
                        if (d == '\\' && j + 1 < n && (s.charAt(j + 1) == '"' || s.charAt(j + 1) == '\\')) {
                            v.append(s.charAt(j + 1));
                            j += 2;
                            continue;
                        }
                        if (d == '"') {
                            closed = true;
                            j++;
                            break;
                        }
                        v.append(d);
                        j++;
                    }
                    if (!closed) errors.add("unclosed quote in " + key + "=" + s.substring(i) + " (close it with \")");
                    value = v.toString();
                    i = j;
                } else {
                    int vs = i;
                    while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
                    value = s.substring(vs, i);
                }
                if (key.isEmpty()) errors.add("attribute with no name before = (write key=value)");
                else out.add(new Attribute(key, value));
            } else if (key.startsWith("#")) {
                out.add(new Attribute("id", key.substring(1)));
            } else {
                out.add(new Attribute(key, null));
            }
        }
        return out;
    }

    private static int skipQuoted(String s, int i, List<String> errors) {
        int j = s.indexOf('"', i + 1);
        return j < 0 ? s.length() : j + 1;
    }
}
