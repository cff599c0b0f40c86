package org.goguides.site.view;

import java.util.Locale;

/** A snippet's status in the readers' view (contract §8), in the order the summary lists them. */
public enum ReaderStatus {
    FAILED, PASSED, STALE, UNVERIFIED, DISPLAY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
