package org.goguides.site.view;

import java.util.Locale;

/**
 * A snippet's status in the readers' view (checks/DESIGN.md §4), in the order the summary lists them; {@link Verification}
 * decides it from the hosts' results.
 */
public enum ReaderStatus {
    FAILED, PASSED, STALE, UNVERIFIED, DISPLAY;

    /** The lower-case name the pages and their messages use ({@code status.passed}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code id} (as {@link #id()} writes it). */
    public static ReaderStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The sign shown before the status's label. */
    public String icon() {
        return switch (this) {
            case PASSED -> "✓";
            case FAILED -> "✗";
            case STALE -> "↻";
            case DISPLAY -> "◇";
            case UNVERIFIED -> "?";
        };
    }
}
