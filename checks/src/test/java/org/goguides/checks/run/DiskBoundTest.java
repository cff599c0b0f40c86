package org.goguides.checks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's disk bound: what its folders hold, measured after a second of run time, never through a link. */
class DiskBoundTest {
    @TempDir
    Path tmp;

    @Test
    void countsTheSessionsFilesNotWhatItsLinksPointAtAndOnlyAfterASecondOfRunTime() throws Exception {
        Path outside = Files.write(tmp.resolve("outside"), new byte[10_000]);
        Path home = Files.createDirectories(tmp.resolve("session/home"));
        Files.createSymbolicLink(home.resolve("link"), outside);
        Files.createSymbolicLink(home.resolve("dir-link"), tmp);
        DiskBound bound = new DiskBound(5_000, List.of(home));

        bound.started();
        Files.write(home.resolve("big"), new byte[6_000]);
        bound.ended();
        assertEquals(Optional.empty(), bound.hit(), "a short step is not measured: nothing is walked before a second of run time");

        Files.delete(home.resolve("big"));
        bound.started();
        Thread.sleep(1100);
        assertFalse(bound.crossed(), "10 kB behind links are not the session's");
        Files.write(home.resolve("big"), new byte[6_000]);
        Thread.sleep(1100);
        bound.ended();
        assertEquals(Optional.of("disk bound (5000 bytes in the session: home, Go caches, root layer)"), bound.hit());
        assertTrue(bound.crossed(), "once crossed, the session stays over its bound");
    }

    @Test
    void blocksAllocatedPastAFilesEndCount() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path hidden = Files.createFile(home.resolve("hidden"));
        Process p = new ProcessBuilder(HostTools.require("fallocate"), "-n", "-l", "1M", hidden.toString()).inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "this file system has no fallocate");
        assertEquals(0, Files.size(hidden), "--keep-size: the size stays 0");
        DiskBound bound = new DiskBound(500_000, List.of(home), 1);
        bound.started();
        Thread.sleep(1100);
        bound.ended();
        assertEquals(Optional.of("disk bound (500000 bytes in the session: home, Go caches, root layer)"), bound.hit(),
                "a MiB allocated past the end of an empty file counts");
    }

    @Test
    void aStepDoesNotStartBelowTheFreeSpaceFloor() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        long free = home.toFile().getUsableSpace();
        DiskBound bound = new DiskBound(5_000, List.of(home), free + (1L << 40));
        bound.started();
        assertTrue(bound.crossed(), "stopped at once");
        assertTrue(bound.hit().orElse("").startsWith("free-space floor ("), bound.hit().toString());
        DiskBound enough = new DiskBound(5_000, List.of(home), 1);
        enough.started();
        assertFalse(enough.crossed());
        enough.ended();
    }

    @Test
    void noBoundMeasuresNothing() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.write(home.resolve("big"), new byte[6_000]);
        DiskBound none = new DiskBound(0, List.of(home));
        none.started();
        Thread.sleep(1100);
        none.ended();
        assertEquals(Optional.empty(), none.hit());
    }
}
