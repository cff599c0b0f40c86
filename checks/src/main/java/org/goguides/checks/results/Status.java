package org.goguides.checks.results;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The outcome of one snippet on one host, as a results file stores it (lower-case: {@code "passed"}; checks/DESIGN.md §4).
 * Readers see {@link #FAILED} and {@link #ERROR} alike as a failure ({@link #failure()}).
 */
public enum Status {
    PASSED, FAILED, SKIPPED, ERROR;

    /** {@link #id()}, made once: a results file has one status per snippet, thousands at 5,000 pages. */
    private final String id;

    Status() {
        id = name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case name used in results files and on the site. */
    public String id() {
        return id;
    }

    /** {@link #id()}: a status in a message reads as the results file writes it ({@code passed}, not {@code PASSED}). */
    @Override
    public String toString() {
        return id();
    }

    /** Whether the step did not do what its guide says: it failed, or it could not be run at all. */
    public boolean failure() {
        return this == FAILED || this == ERROR;
    }

    /** Whether the step really ran to an answer (passed or failed), not skipped. */
    public boolean ran() {
        return this != SKIPPED;
    }

    /** The status named {@code id} in a results file; an unknown name is an {@link Unknown} that says which are allowed. */
    public static Status of(String id) {
        for (Status s : VALUES) if (s.id.equals(id)) return s;
        throw new Unknown(id);
    }

    private static final Status[] VALUES = values();

    /** The statuses a results file may hold, as it spells them: {@code passed, failed, skipped, error}. */
    public static String allowed() {
        return Arrays.stream(values()).map(Status::id).collect(Collectors.joining(", "));
    }

    /** A status name that is not one of {@link #allowed()}: its message is the one a user reads. */
    public static final class Unknown extends IllegalArgumentException {
        private final String id;

        Unknown(String id) {
            super((id == null ? "no status" : "unknown status " + StrictJson.quoted(id)) + " (allowed: " + allowed() + ")");
            this.id = id;
        }

        /** The name found; null when there was none. */
        public String id() {
            return id;
        }
    }
}
