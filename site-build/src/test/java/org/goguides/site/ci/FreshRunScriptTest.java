package org.goguides.site.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The scripts that run CI as a fresh machine would ({@code .ci/fresh-run}) and look for racy steps
 * under load ({@code checks/bench/repeat-under-load.sh}): clean for shellcheck (installed by
 * {@code .ci/setup}), and a wrong argument is refused before anything is cloned or started.
 */
class FreshRunScriptTest {
    static final Path ROOT = Path.of("..");

    record Run(int code, String out) {
    }

    static Run run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + String.join(" ", cmd));
        return new Run(p.exitValue(), out);
    }

    @Test
    void theScriptsAreCleanForShellcheck() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "-x", ".ci/fresh-run", "checks/bench/repeat-under-load.sh",
                ".ci/run", ".ci/test-launcher", "site-build/bin/site-build", "site-build/bench/bench.sh", "site-build/bench/startup-profile.sh",
                "site-build/bench/warm-builds.sh", "site-build/bench/jdks.sh"));
        Run r = run(cmd.toArray(String[]::new));
        assertEquals(0, r.code(), r.out());
    }

    @Test
    void wrongArgumentsAreRefusedWithWhatIsAllowed() throws Exception {
        Run bogus = run("bash", ".ci/fresh-run", "--bogus");
        assertEquals(2, bogus.code(), bogus.out());
        assertEquals("fresh-run: unknown option --bogus (options: --keep, --home DIR)\n", bogus.out());
        Run noHome = run("bash", ".ci/fresh-run", "--home", "/nonexistent-goguides-fresh");
        assertEquals(2, noHome.code(), noHome.out());
        assertTrue(noHome.out().contains("/nonexistent-goguides-fresh/home does not exist"), noHome.out());
        Run help = run("bash", ".ci/fresh-run", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("bash .ci/fresh-run --home DIR"), help.out());
    }
}
