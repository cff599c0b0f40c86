package org.goguides.checks.model;

/**
 * A place in a guide file, printed as {@code path:line} with a path relative to the repository
 * (or to where the command was started), so that every message points at something an author can open.
 *
 * @param path the file, as the user named it (forward slashes)
 * @param line 1-based line number
 */
public record SourcePos(String path, int line) {
    public SourcePos {
        if (line < 1) throw new IllegalArgumentException("line must be 1 or more: " + line);
    }

    @Override
    public String toString() {
        return path + ":" + line;
    }
}
