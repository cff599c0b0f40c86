package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.results.HostInfo;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * {@code compare} on fixture results files: a published {@code all.json} (Linux and macOS) against
 * this run's Linux results; the steps that turn red, are newly verified and wait for a host, per
 * platform; and a clear line when the published results cannot be read.
 */
class CompareCommandTest {
    static final String CONTENT = "src/test/resources/ci/compare";
    static final HostInfo LINUX = new HostInfo("linux-amd64-debian-12-go1.26.8", "linux", "amd64", false, 0, "debian 12", "6.1", "go1.26.8", false);
    static final HostInfo MAC = new HostInfo("darwin-arm64-macos-15-go1.26.8", "darwin", "arm64", false, 0, "macos 15", "24.0", "go1.26.8", true);
    @TempDir
    Path tmp;
    Content content;

    @BeforeEach
    void load() {
        content = new ContentLoader(Path.of(CONTENT), Path.of("")).load(java.util.Set.of());
        assertEquals(List.of(), content.problems());
    }

    SnippetResult result(String id, String status, boolean currentText) {
        Snippet s = content.guides().get(0).snippet(id).orElseThrow();
        return new SnippetResult(s.guide(), s.locale(), s.id(), s.lang(), s.pos().path(), s.pos().line(),
                currentText ? s.hash() : "0ld" + s.hash(), Status.of(status), status.equals("failed") ? "output differs (match=exact)" : "", 0, 5, "", "");
    }

    HostRun run(HostInfo host, String finished, SnippetResult... results) {
        return new HostRun(HostRun.SCHEMA, host, "bwrap", finished, finished, List.of(results));
    }

    /** Published: Linux passed red/same/changed (old text) and failed fixed; macOS passed changed (old text) and same. */
    Path published() throws Exception {
        Path f = tmp.resolve("published/all.json");
        Files.createDirectories(f.getParent());
        ResultStore.writeMerged(f, List.of(
                run(LINUX, "2026-11-29T04:00:00Z", result("red", "passed", true), result("fixed", "failed", true),
                        result("changed", "passed", false), result("same", "passed", true)),
                run(MAC, "2026-11-29T04:00:00Z", result("changed", "passed", false), result("same", "passed", true))));
        return f;
    }

    /** This run, Linux only: red fails, fixed, new and changed pass, same passes. */
    Path current() throws Exception {
        Path dir = tmp.resolve("results");
        ResultStore.write(dir, run(LINUX, "2026-11-30T04:00:00Z", result("red", "failed", true), result("fixed", "passed", true),
                result("new", "passed", true), result("changed", "passed", true), result("same", "passed", true)));
        return dir;
    }

    MainTest.Run compare(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("compare", "--content", CONTENT));
        all.addAll(List.of(args));
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)
                .run(all.toArray(String[]::new));
        return new MainTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static final String F = CONTENT + "/guides/demo/index.en.md";

    @Test
    void turnsRedNewlyVerifiedAndWaitingPerPlatform() throws Exception {
        Path summary = tmp.resolve("summary.md");
        MainTest.Run r = compare(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "--results", current().toString(),
                "--published", published().toString(), "--preview-url", "https://pr-7--goguides.netlify.app");
        assertEquals(0, r.code(), r.err());
        String expected = "## What this change shows readers\n\n"
                + "Compared with the published results (" + tmp.resolve("published/all.json") + ").\n\n"
                + "Deploy preview: https://pr-7--goguides.netlify.app\n\n"
                + "| platform | turns red | newly verified | waiting for a host | last run |\n|---|---:|---:|---:|---|\n"
                + "| linux-amd64 | 1 | 3 | 0 | 2026-11-30T04:00:00Z |\n| macos-arm64 | 0 | 0 | 1 | 2026-11-29T04:00:00Z |\n\n"
                + "### Turns red\n\nA host of the platform fails the step's current text; none did before.\n\n"
                + "| platform | step | where | reason |\n|---|---|---|---|\n"
                + "| linux-amd64 | demo › red | " + F + ":5 | output differs (match=exact) |\n\n"
                + "### Newly verified\n\nA host of the platform passes the step's current text; none did before.\n\n"
                + "| platform | step | where |\n|---|---|---|\n"
                + "| linux-amd64 | demo › fixed | " + F + ":10 |\n"
                + "| linux-amd64 | demo › new | " + F + ":15 |\n"
                + "| linux-amd64 | demo › changed | " + F + ":20 |\n\n"
                + "### Waiting for a host\n\nThe text changed; the platform has results only for an older text, shown as stale.\n\n"
                + "| platform | step | where |\n|---|---|---|\n"
                + "| macos-arm64 | demo › changed | " + F + ":20 |\n";
        assertEquals(expected, r.out());
        assertEquals(expected, Files.readString(summary, StandardCharsets.UTF_8));
    }

    @Test
    void fetchedResultsAreKeptForTheBuild() throws Exception {
        Path keep = tmp.resolve("keep");
        MainTest.Run r = compare(Map.of(), "--results", current().toString(), "--published", published().toString(),
                "--save-published", keep.toString());
        assertEquals(0, r.code(), r.err());
        List<org.goguides.checks.model.Problem> problems = new ArrayList<>();
        List<HostRun> kept = ResultStore.loadAll(List.of(keep.resolve("all.json")), problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of(LINUX.key(), MAC.key()), kept.stream().map(h -> h.host().key()).toList());
    }

    @Test
    void thePublishedResultsDefaultToTheSitesBaseUrl() throws Exception {
        Path content = tmp.resolve("content");
        Files.createDirectories(content.resolve("guides/demo"));
        Files.copy(Path.of(CONTENT, "guides/demo/index.en.md"), content.resolve("guides/demo/index.en.md"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(content.resolve("site.yml"), "baseUrl: http://127.0.0.1:" + port + "/\n", StandardCharsets.UTF_8);
        MainTest.Run r = MainTest.run("compare", "--content", content.toString(), "--results", current().toString());
        assertTrue(r.out().contains("could not be fetched from http://127.0.0.1:" + port + "/results/all.json: "), r.out());
    }

    @Test
    void unreachablePublishedResultsGiveAClearLineAndCompareWithNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/results/all.json";
        MainTest.Run r = compare(Map.of(), "--results", current().toString(), "--published", url);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("## What this change shows readers\n\n> [!WARNING]\n> The published results could not be fetched from "
                + url + ": "), r.out());
        assertTrue(r.out().contains("Every step is compared with an empty published site."), r.out());
        assertTrue(r.out().contains("| linux-amd64 | 1 | 4 | 0 | 2026-11-30T04:00:00Z |"), "everything this run passed is new: " + r.out());
        assertTrue(r.err().contains("warning: published results not compared: "), r.err());
    }

    @Test
    void missingPublishedFileAndNoneNamedAreSaidToo() throws Exception {
        MainTest.Run missing = compare(Map.of(), "--results", current().toString(), "--published", tmp.resolve("nope.json").toString());
        assertTrue(missing.out().contains("could not be fetched from " + tmp.resolve("nope.json") + ": " + tmp.resolve("nope.json") + " does not exist."),
                missing.out());
        MainTest.Run none = compare(Map.of(), "--results", current().toString());
        assertTrue(none.out().contains("> No published results to compare with: no --published URL or file was given and site.yml has no baseUrl. "
                + "Every step is compared with an empty published site."), none.out());
    }
}
