package org.goguides.site.view;

import java.util.Locale;

import org.goguides.checks.results.Status;

/**
 * What one host's badge on a snippet says: the status of its result when the result is for the
 * snippet's current text, else {@link #STALE}. {@link Verification#hostStatus} decides it.
 */
public enum HostStatus {
    PASSED, FAILED, ERROR, SKIPPED, STALE;

    /** The lower-case name the pages and their messages use ({@code status.stale}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The badge of a current result with this status. */
    static HostStatus of(Status s) {
        return switch (s) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case ERROR -> ERROR;
            case SKIPPED -> SKIPPED;
        };
    }

    /** Whether the host ran the step and it did not do what the guide says. */
    public boolean failure() {
        return this == FAILED || this == ERROR;
    }

    /** The sign shown before the badge's label. */
    public String icon() {
        return switch (this) {
            case PASSED -> "✓";
            case FAILED, ERROR -> "✗";
            case STALE -> "↻";
            case SKIPPED -> "–";
        };
    }
}
