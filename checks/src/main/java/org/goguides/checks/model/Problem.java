package org.goguides.checks.model;

/**
 * One authoring error: a place and a message that says what is wrong and what is allowed.
 * Problems are collected, never thrown, so that an author sees all of them at once. Code that treats
 * some problems differently decides on their {@link Kind}, never on their message.
 */
public record Problem(SourcePos pos, String message, Kind kind) implements Comparable<Problem> {

    /** What sort of problem it is, for code that must tell problems apart. */
    public enum Kind {
        /** Any problem without a kind of its own. */
        OTHER,
        /** A guide asked for by its slug has no guide files (a folder without them, or no folder). */
        UNKNOWN_SLUG
    }

    public Problem {
        kind = kind == null ? Kind.OTHER : kind;
    }

    public Problem(SourcePos pos, String message) {
        this(pos, message, Kind.OTHER);
    }

    public static Problem at(String path, int line, String message) {
        return new Problem(new SourcePos(path, line), message);
    }

    /** A slug asked for that has no guide: {@code path:1: no guide with slug "x"}. */
    public static Problem unknownSlug(String path, String slug) {
        return new Problem(new SourcePos(path, 1), "no guide with slug \"" + slug + "\"", Kind.UNKNOWN_SLUG);
    }

    @Override
    public int compareTo(Problem o) {
        int c = pos.path().compareTo(o.pos.path());
        return c != 0 ? c : Integer.compare(pos.line(), o.pos.line());
    }

    @Override
    public String toString() {
        return pos + ": " + message;
    }
}
