package org.goguides.checks.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * What the runner offers for macOS and WSL hosts, tried on Linux: console steps in the reader's shell (zsh on
 * macOS) and {@code shell=}; independent sessions with {@code after=}; {@code root} steps for real only on a
 * host declared disposable; WSL interop passed to {@code interop} steps only. And the runner itself needs no
 * GNU-only tool, no bash, no bubblewrap, setsid or prlimit: a run whose system folders (and PATH) hold only
 * POSIX tools and zsh, as a Mac has them.
 */
class HostModesTest {
    static final Path CORPUS = Path.of("src/test/resources/hostmodes");

    @TempDir
    Path tmp;

    private static Map<String, String> base(String... more) {
        Map<String, String> m = new TreeMap<>(Map.of(Constants.SANDBOX, "none", Constants.HOST_PREFIX + "os", "linux",
                Constants.HOST_PREFIX + "arch", "amd64", Constants.HOST_PREFIX + "wsl", "false", Constants.OFFLINE, "true"));
        for (int i = 0; i < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    private static void assertPrefixes(Map<String, String> wrong, Map<String, String> statuses) {
        assertTrue(wrong.isEmpty(), () -> "wrong statuses: " + wrong + "\nall: " + statuses);
    }

    private static Map<String, String> wrong(HostRun run, String guide) {
        Map<String, String> w = new TreeMap<>();
        for (SnippetResult s : run.snippets()) {
            if (!s.guide().equals(guide)) continue;
            String want = s.id().startsWith("pass-") ? "passed" : s.id().startsWith("fail-") ? "failed" : "skipped";
            if (!want.equals(s.status().id())) w.put(s.id(), s.status() + ": " + s.reason() + "\n" + s.output() + s.diff());
        }
        return w;
    }

    @Test
    void consoleStepsRunInTheReadersShellAndStepsCanNameAnother() throws IOException {
        assumeTrue(onPath("zsh"), "zsh is not installed (.ci/setup installs it)");
        EngineRun r = EngineRun.run(CORPUS, tmp, Map.of(), base(Constants.GUIDES, "shells", Constants.CONSOLE_SHELL, "zsh"));
        assertPrefixes(wrong(r.results, "shells"), r.statuses());
        assertTrue(r.result("fail-script-errexit-in-sh").reason().contains("exit code 1"), r.statuses().toString());
    }

    @Test
    void alternativesInTheirOwnSessionsAndAfterNamesWhatAStepBuildsOn() throws IOException {
        EngineRun r = EngineRun.run(CORPUS, tmp, Map.of(), base(Constants.GUIDES, "deps"));
        assertPrefixes(wrong(r.results, "deps"), r.statuses());
        assertEquals("builds on fail-second (after=fail-second), which did not pass here: failed", r.result("skip-needs-failed").reason());
        assertTrue(r.result("skip-second-session").reason().startsWith("an earlier step of this session failed (fail-second)"));
        assertTrue(r.result("skip-needs-mac").reason().startsWith("builds on skip-mac-only (after=skip-mac-only), which did not pass here: "
                + "skipped (needs os=darwin"), r.result("skip-needs-mac").reason());
    }

    @Test
    void rootStepsRunForRealOnlyOnAHostDeclaredDisposable() throws IOException {
        EngineRun plain = EngineRun.run(CORPUS, tmp.resolve("plain"), Map.of(), base(Constants.GUIDES, "disposable"));
        assertEquals(Status.SKIPPED, plain.result("root-step").status());
        assertEquals("none", plain.results.isolation());
        EngineRun disposable = EngineRun.run(CORPUS, tmp.resolve("disposable"), Map.of(),
                base(Constants.GUIDES, "disposable", Constants.DISPOSABLE_HOST, "true"));
        assertEquals(Status.PASSED, disposable.result("root-step").status(), disposable.statuses().toString());
        assertEquals("changed the machine for real\n", disposable.result("root-step").output());
        assertEquals("disposable", disposable.results.isolation());
    }

    @Test
    void interopStepsAreSkippedWithAReasonWhereThereIsNoInterop() throws IOException {
        EngineRun notWsl = EngineRun.run(CORPUS, tmp.resolve("a"), Map.of(), base(Constants.GUIDES, "interop"));
        assertEquals("needs WSL interop (it starts Windows programs); this host is not WSL", notWsl.result("interop-step").reason());
        assumeTrue(System.getenv("WSL_INTEROP") == null, "this test JVM runs under WSL interop");
        EngineRun wsl = EngineRun.run(CORPUS, tmp.resolve("b"), Map.of(), base(Constants.GUIDES, "interop", Constants.HOST_PREFIX + "wsl", "true"));
        assertTrue(wsl.result("interop-step").reason().contains("WSL_INTEROP is not set here"), wsl.statuses().toString());
    }

    /**
     * The runner as on a Mac: PATH holds only POSIX tools and zsh (no bash at all, no bubblewrap, setsid, prlimit,
     * unshare or other GNU-only tools), the host is darwin (console steps in zsh), and every kind of step works:
     * state carried, exit codes, timeouts that kill the process, sessions and dependencies.
     */
    @Test
    void theRunnerNeedsOnlyPosixToolsAndZsh() throws Exception {
        assumeTrue(onPath("zsh"), "zsh is not installed (.ci/setup installs it)");
        Path bin = posixOnlyPath(tmp.resolve("bin"));
        Path corpus = macCorpus(tmp.resolve("maccorpus"));
        Map<String, String> env = Map.of("PATH", bin.toString(), "LANG", "C.UTF-8", "HOME", tmp.toString());
        // the runner finds its helpers only in the system folders (HostTools), never on PATH: the Mac's are these
        String out = child(corpus, tmp.resolve("work"), env, "-D" + org.goguides.checks.run.HostTools.PATH_PROPERTY + "=" + bin,
                Constants.HOST_PREFIX + "os=darwin", Constants.HOST_PREFIX + "arch=arm64",
                Constants.HOST_PREFIX + "wsl=false", Constants.HOST_PREFIX + "distroId=macos", Constants.HOST_PREFIX + "distroVersion=15.7",
                Constants.OFFLINE + "=true", Constants.PARALLEL + "=false");
        HostRun run = results(tmp.resolve("work"));
        assertEquals("none", run.isolation(), out);
        Map<String, String> wrong = new TreeMap<>();
        for (String g : List.of("mac", "deps")) wrong.putAll(wrong(run, g));
        assertTrue(wrong.isEmpty(), () -> "wrong statuses without GNU tools: " + wrong + "\n" + out);
        SnippetResult slow = run.snippets().stream().filter(s -> s.id().equals("fail-timeout")).findFirst().orElseThrow();
        assertTrue(slow.reason().startsWith("timed out after 2s"), slow.reason());
        assertTrue(slow.durationMs() < 15_000, "the timeout stopped it: " + slow.durationMs() + " ms");
    }

    /** Under bubblewrap, an {@code interop} step sees WSL's socket folder and WSL_INTEROP; the next step sees neither. */
    @Test
    void interopPassesOnlyTheSocketFolderAndVariableToTheStepThatAsks() throws Exception {
        assumeTrue(Sandboxes.detect().name().equals("bwrap"), "bubblewrap does not work here");
        // a root runner's sandboxes run as nobody (uid 65534), who must reach the work folder below this one
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        Path runWsl = Files.createDirectories(tmp.resolve("run-WSL"));
        Files.writeString(runWsl.resolve("8_interop"), "", StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "LANG", "C.UTF-8", "HOME", tmp.toString(),
                "WSL_INTEROP", runWsl.resolve("8_interop").toString());
        String out = child(CORPUS, tmp.resolve("work"), env, "-D" + BwrapIsolation.WSL_RUN_PROPERTY + "=" + runWsl,
                Constants.GUIDES + "=interop", Constants.HOST_PREFIX + "wsl=true", Constants.OFFLINE + "=true");
        HostRun run = results(tmp.resolve("work"));
        SnippetResult step = run.snippets().stream().filter(s -> s.id().equals("interop-step")).findFirst().orElseThrow();
        SnippetResult next = run.snippets().stream().filter(s -> s.id().equals("after-interop")).findFirst().orElseThrow();
        assertEquals(Status.PASSED, step.status(), out + step.reason() + step.output());
        assertEquals("interop=" + runWsl.resolve("8_interop") + "\n8_interop\n", step.output());
        assertEquals("carried=no\n", next.output(), out);
    }

    /** A guide that exercises what a macOS host needs of the runner, written for zsh and POSIX sh. */
    private static Path macCorpus(Path dir) throws IOException {
        Path g = Files.createDirectories(dir.resolve("guides/mac"));
        Files.writeString(g.resolve("index.en.md"), """
                ---
                title: A Mac's runner
                ---

                ```console {#pass-zsh}
                $ echo "${ZSH_VERSION:+zsh}"
                zsh
                $ export SEEN=1; mkdir -p d && cd d
                $ false
                [1]
                ```

                ```sh {#pass-state shell=sh}
                echo "$SEEN ${PWD##*/}"
                ```

                ```output
                1 d
                ```

                ```go {#pass-file file=./notes.txt}
                written
                ```

                ```console {#pass-read}
                $ cat ~/d/notes.txt
                written
                ```

                ```sh {#fail-timeout shell=sh timeout=2s session=slow}
                sleep 30
                ```
                """, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("guides/deps"));
        Files.copy(CORPUS.resolve("guides/deps/index.en.md"), dir.resolve("guides/deps/index.en.md"));
        // the deps guide's sh blocks run in bash by default: on this PATH there is none, so they name sh; this host
        // is a Mac, so its Mac-only step names another platform
        Path deps = dir.resolve("guides/deps/index.en.md");
        Files.writeString(deps, Files.readString(deps, StandardCharsets.UTF_8).replace("```sh {", "```sh {shell=sh ")
                .replace("os=darwin", "os=windows").replace("needs os=darwin", "needs os=windows"), StandardCharsets.UTF_8);
        return dir;
    }

    /** A folder of links to POSIX utilities and zsh only: what a Mac's /bin and /usr/bin offer, minus bash. */
    private static Path posixOnlyPath(Path bin) throws IOException {
        Files.createDirectories(bin);
        // macOS's env has no -C (GNU's and FreeBSD 14's have): the stand-in refuses it, as Apple's would
        Path realEnv = which("env");
        Files.writeString(bin.resolve("env"), "#!" + which("sh") + "\nfor a in \"$@\"; do case $a in -C|-C*) echo \"env: illegal option -- C\" >&2; exit 64;; --) break;; esac; done\nexec "
                + realEnv + " \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(bin.resolve("env"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String tool : List.of("sh", "zsh", "cat", "ls", "mkdir", "rm", "uname", "sleep", "id", "kill", "grep", "sed",
                "awk", "printf", "dirname", "false", "true", "pwd")) {
            Path real = which(tool);
            if (real != null) Files.createSymbolicLink(bin.resolve(tool), real);
        }
        for (String absent : List.of("bash", "bwrap", "setsid", "prlimit", "unshare", "timeout", "stat", "readlink", "go")) {
            assertTrue(!Files.exists(bin.resolve(absent)), absent);
        }
        return bin;
    }

    private static String child(Path corpus, Path work, Map<String, String> env, String... config) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> params = new ArrayList<>();
        for (String c : config) {
            if (c.startsWith("-D")) cmd.add(c);
            else params.add(c);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), HostModesChild.class.getName(), corpus.toString(), work.toString()));
        cmd.add(Constants.SANDBOX + "=auto");
        cmd.addAll(params);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child JVM finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static HostRun results(Path work) throws IOException {
        try (var files = Files.list(work.resolve("results"))) {
            return ResultStore.read(files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow());
        }
    }

    private static boolean onPath(String tool) {
        return which(tool) != null;
    }

    private static Path which(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return p;
        }
        return null;
    }
}
