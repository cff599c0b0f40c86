package org.goguides.checks.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Reading {@code GOTOOLCHAIN=… go version} on a cold cache (download notices first) and when it really failed. */
class GoToolchainsTest {
    @Test
    void aColdCacheDownloadNoticeBeforeTheVersionIsAccepted() {
        String stderr = "go: downloading go1.22.12 (linux/amd64)\n";
        assertDoesNotThrow(() -> GoToolchains.verify("go1.22.12", 0, "go version go1.22.12 linux/amd64\n", stderr));
        // also when a wrapper merged both streams
        assertDoesNotThrow(() -> GoToolchains.verify("go1.22.12", 0, stderr + "go version go1.22.12 linux/amd64\n", ""));
        assertEquals(Optional.of("go1.22.12"), GoToolchains.reportedVersion("go: downloading go1.22.12 (linux/amd64)\r\ngo version go1.22.12 linux/amd64"));
    }

    @Test
    void anOfflineFetchNamesTheMissingNetwork() {
        IOException e = assertThrows(IOException.class, () -> GoToolchains.verify("go1.22.12", 1, "",
                "go: downloading go1.22.12 (linux/amd64)\ngo: download go1.22.12 for linux/amd64: toolchain not available: "
                        + "Get \"https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.22.12.linux-amd64.zip\": dial tcp: "
                        + "lookup proxy.golang.org: no such host\n"));
        assertTrue(e.getMessage().startsWith("cannot get Go go1.22.12 through the module proxy (no network:"), e.getMessage());
        assertTrue(e.getMessage().contains("no such host"), "the go command's own words are kept: " + e.getMessage());
    }

    @Test
    void anUnknownVersionOrAWrongAnswerFailsClearly() {
        IOException unknown = assertThrows(IOException.class, () -> GoToolchains.verify("go1.99.0", 1, "",
                "go: downloading go1.99.0 (linux/amd64)\ngo: download go1.99.0 for linux/amd64: toolchain not available\n"));
        assertTrue(unknown.getMessage().contains("exited 1: go: downloading go1.99.0"), unknown.getMessage());
        assertTrue(!unknown.getMessage().contains("no network"), unknown.getMessage());
        IOException wrong = assertThrows(IOException.class, () -> GoToolchains.verify("go1.22.12", 0, "go version go1.26.8 linux/amd64\n", ""));
        assertEquals("cannot get Go go1.22.12 through the module proxy: go version answered \"go1.26.8\": go version go1.26.8 linux/amd64",
                wrong.getMessage());
        IOException none = assertThrows(IOException.class, () -> GoToolchains.verify("go1.22.12", 0, "", ""));
        assertTrue(none.getMessage().endsWith("go version answered no version"), none.getMessage());
    }
}
