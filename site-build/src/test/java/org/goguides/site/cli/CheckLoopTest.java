package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.Status;

/** The authoring loop: re-checking only what changed, by the result cache and by git. */
class CheckLoopTest {
    @TempDir
    Path tmp;
    Path content;
    Path results;

    @BeforeEach
    void guides() throws Exception {
        content = tmp.resolve("content");
        results = tmp.resolve("results");
        write("alpha", "echo alpha");
        write("beta", "echo beta");
    }

    void write(String slug, String command) throws Exception {
        Path dir = content.resolve("guides").resolve(slug);
        Files.createDirectories(dir);
        String out = command.substring(5);
        Files.writeString(dir.resolve("index.en.md"), "---\ntitle: " + slug + "\n---\n\n```console {#one}\n$ " + command + "\n" + out
                + "\n```\n", StandardCharsets.UTF_8);
    }

    MainTest.Run check(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--offline", "--content", content.toString(), "--results", results.toString()));
        args.addAll(List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void unchangedGuidesReuseTheirResultsAndChangedOnesRun() throws Exception {
        MainTest.Run first = check();
        assertEquals(0, first.code(), first.out() + first.err());
        assertFalse(first.out().contains("cached:"), first.out());
        MainTest.Run second = check();
        assertTrue(second.out().contains("cached: alpha, beta"), second.out());
        assertFalse(second.out().contains("PASS "), "nothing ran: " + second.out());
        assertTrue(second.out().contains("2 passed, 0 failed"), second.out());
        write("beta", "echo beta changed");
        MainTest.Run third = check();
        assertTrue(third.out().contains("cached: alpha ("), third.out());
        assertTrue(third.out().contains("PASS  beta › one"), third.out());
        HostRun run;
        try (var s = Files.list(results)) {
            run = ResultStore.read(s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow());
        }
        assertEquals(2, run.snippets().size(), "the results file is complete");
        var alpha = run.snippets().stream().filter(r -> r.guide().equals("alpha")).findFirst().orElseThrow();
        assertFalse(alpha.ranAt().isEmpty(), "a reused result keeps when it really ran");
        var beta = run.snippets().stream().filter(r -> r.guide().equals("beta")).findFirst().orElseThrow();
        assertEquals("", beta.ranAt());
        MainTest.Run all = check("--no-cache");
        assertTrue(all.out().contains("PASS  alpha › one") && all.out().contains("PASS  beta › one"), all.out());
    }

    @Test
    void changedSinceChecksOnlyTheGuidesChangedInGit() throws Exception {
        git(tmp, "init", "-q");
        git(tmp, "add", ".");
        git(tmp, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "guides");
        MainTest.Run none = check("--changed-since", "HEAD");
        assertEquals(0, none.code());
        assertTrue(none.out().contains("no guide changed since HEAD"), none.out());
        write("beta", "echo beta edited");
        MainTest.Run one = check("--changed-since", "HEAD", "--no-cache");
        assertTrue(one.out().contains("changed since HEAD: beta"), one.out());
        assertTrue(one.out().contains("PASS  beta › one") && !one.out().contains("alpha › one"), one.out());
        MainTest.Run bad = check("--changed-since", "no-such-ref");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--changed-since"), bad.err());
    }

    /** Runs git in {@code dir} and asserts that it succeeded (the check tests' fixture repositories). */
    static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    /** Needs the network (tag {@code network}; leave such tests out with {@code -DexcludedGroups=network}). */
    @Test
    @org.junit.jupiter.api.Tag("network")
    void theGoVersionMatrixRecordsOneHostEntryPerToolchainFetchedOverTheNetwork() throws Exception {
        if (!org.goguides.checks.host.HostProbe.probe(java.util.Map.of(), true).online()) {
            org.junit.jupiter.api.Assertions.fail("needs the network: proxy.golang.org:443 cannot be reached from this host, so go1.22.12 "
                    + "cannot be fetched (run offline with -DexcludedGroups=network to leave network tests out)");
        }
        Path dir = content.resolve("guides").resolve("beta");
        Files.writeString(dir.resolve("index.en.md"), "---\ntitle: beta\n---\n\n```console {#one}\n$ go version\ngo version go1.[..]\n```\n\n"
                + "```console {#new requires=\"go>=1.24\"}\n$ go env GOAUTH\nnetrc\n```\n", StandardCharsets.UTF_8);
        MainTest.Run r = MainTest.run("check", "--go", "go1.22.12,local", "--guide", "beta", "--content", content.toString(),
                "--results", results.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("== Go go1.22.12 =="), r.out());
        List<HostRun> runs;
        try (var s = Files.list(results)) {
            runs = s.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return ResultStore.read(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(2, runs.size(), "one results file per toolchain");
        HostRun old = runs.stream().filter(h -> h.host().go().equals("go1.22.12")).findFirst().orElseThrow();
        assertTrue(old.host().key().endsWith("-go1.22.12"), old.host().key());
        var version = old.snippets().stream().filter(x -> x.id().equals("one")).findFirst().orElseThrow();
        assertTrue(version.output().contains("go version go1.22.12 "), "the step really ran under 1.22: " + version.output());
        var goauth = old.snippets().stream().filter(x -> x.id().equals("new")).findFirst().orElseThrow();
        assertEquals(Status.SKIPPED, goauth.status());
        assertEquals("needs go>=1.24; this host has go1.22.12", goauth.reason());
        HostRun local = runs.stream().filter(h -> h != old).findFirst().orElseThrow();
        assertEquals(Status.PASSED, local.snippets().stream().filter(x -> x.id().equals("new")).findFirst().orElseThrow().status());
    }
}
