package org.goguides.checks.results;

import java.util.Locale;

/** The outcome of one snippet on one host (contract §5). */
public enum Status {
    PASSED, FAILED, SKIPPED, ERROR;

    /** The lower-case name used in results files and on the site. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
