package org.goguides.checks.model;

import java.util.Locale;

/** How expected output is compared with actual output. */
public enum MatchMode {
    /** Line by line, trailing whitespace ignored; {@code ...} and {@code [..]} are wildcards. */
    EXACT,
    /** The expected lines appear as a consecutive run somewhere in the output. */
    CONTAINS,
    /** The expected text is a Java regular expression (multiline) found in the output. */
    REGEX;

    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
