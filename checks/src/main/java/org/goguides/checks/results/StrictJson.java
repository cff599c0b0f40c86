package org.goguides.checks.results;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.goguides.checks.model.Problem;

/**
 * The typed values of one JSON document read from a streaming parser, each checked for its type: a wrong one is a
 * {@link Problem} naming the field, what is allowed and what was found ({@code "line" must be a whole number (found
 * a string)}), and reading goes on so that a file's problems come all at once. Nothing is coerced: a results file
 * comes from another host, and {@code "40"} for a number or {@code 1} for {@code true} is a sign of a file that was
 * not written by {@code check}.
 */
final class StrictJson {
    /** At most this many problems per file: a hostile file with thousands of wrong fields gets a short answer. */
    static final int MAX_PROBLEMS = 20;

    private final String path;
    private final JsonParser p;
    private final List<Problem> problems = new ArrayList<>();

    StrictJson(String path, JsonParser p) {
        this.path = path;
        this.p = p;
    }

    /** The problems found so far, in the order of the file. */
    List<Problem> problems() {
        return problems;
    }

    /** Moves to the next token; null at the end of the document. */
    JsonToken next() throws IOException {
        return p.nextToken();
    }

    /** The token the parser is on. */
    JsonToken token() {
        return p.currentToken();
    }

    /** The line of the token the parser is on (1 when unknown). */
    int line() {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    /** Records a problem on {@code line}; stops the reading with {@link TooMany} at {@value #MAX_PROBLEMS}. */
    void problem(int line, String message) {
        problems.add(Problem.at(path, Math.max(1, line), message));
        if (problems.size() >= MAX_PROBLEMS) throw new TooMany();
    }

    /** A value of the wrong type at the current token: the problem, then the value is skipped. */
    void wrongType(String name, String allowed) throws IOException {
        problem(line(), "\"" + name + "\" must be " + allowed + " (found " + found(p.currentToken()) + ")");
        p.skipChildren();
    }

    /** Skips the value the parser is on, with all it holds. */
    void skipValue() throws IOException {
        p.skipChildren();
    }

    /** The fields of the object the parser is on, for a loop over {@link Fields#next()}. */
    Fields fields(List<String> known) {
        return new Fields(known);
    }

    /** A string field's value; null stands for an absent value (as a record component holds it). */
    String string(String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) return p.getText();
        if (t != JsonToken.VALUE_NULL) wrongType(name, "a string");
        return null;
    }

    /** A whole number that fits an {@code int}; 0 after a problem. */
    int integer(String name) throws IOException {
        if (!wholeNumber(name)) return 0;
        if (p.getNumberType() == JsonParser.NumberType.INT) return p.getIntValue();
        problem(line(), "\"" + name + "\" must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + " (found one out of that range)");
        return 0;
    }

    /** A whole number that fits a {@code long}; 0 after a problem. */
    long longInteger(String name) throws IOException {
        if (!wholeNumber(name)) return 0;
        if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) return p.getLongValue();
        problem(line(), "\"" + name + "\" must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + " (found one out of that range)");
        return 0;
    }

    private boolean wholeNumber(String name) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) return true;
        wrongType(name, "a whole number");
        return false;
    }

    /** {@code true} or {@code false}; false after a problem. */
    boolean bool(String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) return t == JsonToken.VALUE_TRUE;
        wrongType(name, "true or false");
        return false;
    }

    /**
     * A value from the file, in quotes, for a message: its first 80 characters and an ellipsis after them, control
     * characters as {@code \\uXXXX}. A hostile file may hold a value of millions of characters, or a terminal's
     * escape sequences, and every problem is printed.
     */
    static String quoted(String s) {
        int end = Math.min(s.length(), MAX_QUOTED);
        if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        StringBuilder b = new StringBuilder(end + 8).append('"');
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == '\u007f') b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        if (end < s.length()) b.append('…');
        return b.append('"').toString();
    }

    private static final int MAX_QUOTED = 80;

    /** What a token is, in a message: {@code a string}, {@code an array}, {@code null}. */
    static String found(JsonToken t) {
        if (t == null) return "nothing";
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    /**
     * The known fields of one JSON object, each once: {@link #next()} leaves the parser on the value of the next known
     * field and returns its name; unknown fields are skipped (a newer {@code check} may add some), a field given
     * twice is a problem (which of the two would count is not something a reader of the file can tell).
     */
    final class Fields {
        private final List<String> known;
        private long seen;
        /** The field expected next: files are written in the order of {@code known}, so the first guess is right. */
        private int expected;

        private Fields(List<String> known) {
            if (known.size() > Long.SIZE) throw new IllegalArgumentException("at most 64 fields");
            this.known = known;
        }

        /** The next known field's name (one of the list's strings), with the parser on its value; null at the object's end. */
        String next() throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                int i = index(name);
                if (i < 0) {
                    p.skipChildren();
                } else if ((seen & 1L << i) != 0) {
                    problem(line(), "\"" + name + "\" is given twice (each field once)");
                    p.skipChildren();
                } else {
                    seen |= 1L << i;
                    expected = i + 1;
                    return known.get(i);
                }
            }
            return null;
        }

        private int index(String name) {
            if (expected < known.size() && known.get(expected).equals(name)) return expected;
            return known.indexOf(name);
        }
    }

    /** Thrown by {@link #problem} when a file has {@value #MAX_PROBLEMS} problems: its reading stops there. */
    static final class TooMany extends RuntimeException {
        TooMany() {
            super("too many problems", null, false, false);
        }
    }
}
