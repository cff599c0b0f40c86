package org.goguides.checks.model;

/**
 * One authoring error: a place and a message that says what is wrong and what is allowed.
 * Problems are collected, never thrown, so that an author sees all of them at once.
 */
public record Problem(SourcePos pos, String message) implements Comparable<Problem> {

    public static Problem at(String path, int line, String message) {
        return new Problem(new SourcePos(path, line), message);
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
