package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The repository's own guides have no authoring errors and their translations have not drifted apart. */
class ContentLintTest {
    @Test
    void theGuidesLintClean() {
        MainTest.Run r = MainTest.run("lint", "--content", "../content");
        assertEquals(0, r.code(), r.err());
    }
}
