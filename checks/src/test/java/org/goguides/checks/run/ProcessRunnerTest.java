package org.goguides.checks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a process printed survives the clean-up after it, however late the reader gets to it. */
class ProcessRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void killingWhatIsLeftOfAFinishedProcessKeepsItsUnreadOutput() throws Exception {
        // the reader of a loaded machine comes late: the process has exited and the clean-up ran before anything was read
        Process p = new ProcessBuilder("sh", "-c", "echo oops >&2; exit 3").redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        ProcessRunner.killTree(p, false);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("oops\n", out, "Process.destroyForcibly() closed the stream and dropped it");
        assertEquals(3, p.exitValue());
    }

    @Test
    void aQuickProcessKeepsItsOutputAndExitCodeEveryTime() throws Exception {
        for (int i = 0; i < 50; i++) {
            ProcessResult r = ProcessRunner.run(List.of("sh", "-c", "echo oops >&2; exit 3"), tmp,
                    Duration.ofSeconds(60), 1 << 16);
            assertEquals(3, r.exit(), "run " + i);
            assertEquals("oops\n", r.output(), "run " + i);
        }
    }
}
