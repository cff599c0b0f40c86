package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;

/**
 * {@code check} under GitHub Actions on fixture guides ({@code src/test/resources/ci}: one failing
 * step, one drifted translation, one authoring error): the exact annotation lines and the job
 * summary's Markdown; outside GitHub nothing of it; {@code --format=jsonl} for other CI systems.
 */
class CiOutputTest {
    static final String RUN = "src/test/resources/ci/run";
    static final String AUTHORING = "src/test/resources/ci/authoring";
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Map<String, String> github(Path summary) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_REPOSITORY", "octo/goguides");
        env.put("GITHUB_SHA", "0123abc");
        return env;
    }

    static List<String> workflowCommands(String out) {
        return out.lines().filter(l -> l.startsWith("::")).toList();
    }

    @Test
    void failingStepAndDriftedTranslationAreAnnotatedAndSummarised() throws Exception {
        Path summary = tmp.resolve("summary.md");
        Files.writeString(summary, "earlier step's summary\n", StandardCharsets.UTF_8);
        Path results = tmp.resolve("results");
        Run r = run(github(summary), "check", "--offline", "--no-cache", "--content", RUN, "--results", results.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        HostRun run;
        try (var s = Files.list(results)) {
            run = ResultStore.read(s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow());
        }
        String host = run.host().key();
        String en = RUN + "/guides/drifted/index.en.md";
        String failing = RUN + "/guides/failing/index.en.md";
        assertEquals(List.of(
                "::warning file=" + RUN + "/guides/drifted/index.zh.md,line=5,title=translation drifted::snippet \"say\" differs from "
                        + en + ":5 (translations run the same code with the same expected output)",
                "::error file=" + failing + ",line=7,title=failing › greet (" + host + ")::output differs (match=exact)"
                        + "%0A--- expected%0A+++ actual%0A- goodbye%0A+ hello, 100%25"),
                workflowCommands(r.out()));
        String link = "https://github.com/octo/goguides/blob/0123abc/";
        String expected = "earlier step's summary\n"
                + "## check on `" + host + "`\n\n"
                + "Isolation: " + run.isolation() + ". Finished " + run.finished() + ".\n\n"
                + "| passed | failed | error | skipped |\n|---:|---:|---:|---:|\n| 2 | 1 | 0 | 0 |\n\n"
                + "### Steps that failed\n\n| step | status | reason | where |\n|---|---|---|---|\n"
                + "| failing › greet | failed | output differs (match=exact) | [" + failing + ":7](" + link + failing + "#L7) |\n\n"
                + "<details><summary>failing › greet: expected (-) and actual (+) output</summary>\n\n"
                + "```diff\n--- expected\n+++ actual\n- goodbye\n+ hello, 100%\n```\n\n</details>\n\n"
                + "### Translations that drifted apart\n\n| where | difference |\n|---|---|\n"
                + "| [" + RUN + "/guides/drifted/index.zh.md:5](" + link + RUN + "/guides/drifted/index.zh.md#L5) | snippet \"say\" differs from "
                + en.replace("_", "\\_") + ":5 (translations run the same code with the same expected output) |\n\n";
        assertEquals(expected, Files.readString(summary, StandardCharsets.UTF_8));
        assertTrue(r.out().contains("FAIL  failing › greet"), "the plain lines stay: " + r.out());
    }

    @Test
    void authoringErrorsAreAnnotatedAndNothingRuns() throws Exception {
        Path summary = tmp.resolve("summary.md");
        Run r = run(github(summary), "check", "--offline", "--content", AUTHORING, "--results", tmp.resolve("results").toString());
        assertEquals(2, r.code());
        String file = AUTHORING + "/guides/broken/index.en.md";
        String message = "unknown attribute \"platfrom\" (did you mean \"platform\"? allowed: id, os, arch, platform, requires, network, root, "
                + "interop, exit, timeout, file, run, session, after, shell, skip, match, hl)";
        assertEquals(List.of("::error file=" + file + ",line=5,title=authoring error::" + message), workflowCommands(r.out()));
        assertEquals("## check: 1 authoring error\n\nNo step ran: fix these first (`lint` lists them too).\n\n| where | problem |\n|---|---|\n"
                + "| [" + file + ":5](https://github.com/octo/goguides/blob/0123abc/" + file + "#L5) | " + message + " |\n\n",
                Files.readString(summary, StandardCharsets.UTF_8));
        assertFalse(Files.exists(tmp.resolve("results")), "nothing ran");
    }

    @Test
    void outsideGithubNothingChanges() {
        Run r = run(Map.of(), "check", "--offline", "--no-cache", "--content", RUN, "--results", tmp.resolve("results").toString());
        assertEquals(1, r.code());
        assertEquals(List.of(), workflowCommands(r.out()));
        assertEquals(List.of(), workflowCommands(r.err()));
        Run forced = run(Map.of("GITHUB_ACTIONS", "true"), "check", "--format=text", "--offline", "--content", AUTHORING,
                "--results", tmp.resolve("r2").toString());
        assertEquals(List.of(), workflowCommands(forced.out()), "--format=text wins over the environment");
    }

    @Test
    void jsonLinesOwnStdoutAndTheTextMovesToStderr() throws Exception {
        Run r = run(Map.of(), "check", "--format=jsonl", "--offline", "--no-cache", "--content", RUN, "--results", tmp.resolve("results").toString());
        assertEquals(1, r.code());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String line : r.out().split("\n")) events.add(json.readTree(line));
        assertEquals(List.of("drift", "result", "result", "result", "summary"), events.stream().map(e -> e.get("event").asText()).toList());
        JsonNode failed = events.stream().filter(e -> e.path("status").asText().equals("failed")).findFirst().orElseThrow();
        assertEquals("greet", failed.get("id").asText());
        assertEquals(RUN + "/guides/failing/index.en.md", failed.get("file").asText());
        assertEquals(7, failed.get("line").asInt());
        assertTrue(failed.get("diff").asText().contains("+ hello, 100%"));
        JsonNode sum = events.get(events.size() - 1);
        assertEquals(2, sum.get("passed").asInt());
        assertEquals(1, sum.get("failed").asInt());
        assertTrue(r.err().contains("FAIL  failing › greet"), r.err());
    }

    @Test
    void aFailureIsAnnotatedInEveryTranslationThatSharesTheStep() throws Exception {
        Path guide = tmp.resolve("content/guides/twin");
        Files.createDirectories(guide);
        Files.writeString(guide.resolve("index.en.md"), "---\ntitle: twin\n---\n\n```console {#a}\n$ echo x\ny\n```\n", StandardCharsets.UTF_8);
        Files.writeString(guide.resolve("index.zh.md"), "---\ntitle: 双\n---\n\n说明。\n\n```console {#a}\n$ echo x\ny\n```\n", StandardCharsets.UTF_8);
        Run r = run(Map.of("GITHUB_ACTIONS", "true"), "check", "--offline", "--no-cache", "--content", tmp.resolve("content").toString(),
                "--results", tmp.resolve("results").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        List<String> files = workflowCommands(r.out()).stream().map(l -> l.substring(0, l.indexOf(",title="))).toList();
        assertEquals(List.of("::error file=" + guide.resolve("index.en.md") + ",line=5", "::error file=" + guide.resolve("index.zh.md") + ",line=7"),
                files, "the identical zh step did not run again, but its line is annotated too");
    }

    @Test
    void requiringTheSandboxRunsSandboxedOrNotAtAll() throws Exception {
        Run both = run(Map.of(), "check", "--require-sandbox", "--no-sandbox");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--require-sandbox and --no-sandbox contradict each other"), both.err());
        Path results = tmp.resolve("results");
        Run r = run(Map.of(), "check", "--require-sandbox", "--offline", "--no-cache", "--content", AUTHORING.replace("authoring", "run"),
                "--guide", "failing", "--results", results.toString());
        if (org.goguides.checks.sandbox.Sandboxes.detect().name().equals("none")) {
            assertEquals(2, r.code());
            assertTrue(r.err().startsWith("error: --require-sandbox: no sandbox"), r.err());
            assertFalse(Files.exists(results), "nothing ran");
        } else {
            assertEquals(1, r.code(), r.out() + r.err());
            try (var s = Files.list(results)) {
                HostRun run = ResultStore.read(s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow());
                assertFalse(run.isolation().equals("none"), "ran in the sandbox");
            }
        }
    }

    @Test
    void resultsKeptFromGuidesThisRunDidNotCheckAreNotReportedAgain() throws Exception {
        Path results = tmp.resolve("results");
        assertEquals(1, run(Map.of(), "check", "--offline", "--no-cache", "--content", RUN, "--results", results.toString()).code());
        Path summary = tmp.resolve("summary.md");
        Run r = run(github(summary), "check", "--offline", "--guide", "drifted", "--content", RUN, "--results", results.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("kept 1 earlier results"), "the failing guide's result stays in the file: " + r.out());
        assertTrue(workflowCommands(r.out()).stream().noneMatch(l -> l.contains("failing")), r.out());
        assertTrue(Files.readString(summary, StandardCharsets.UTF_8).contains("| 2 | 0 | 0 | 0 |"), "only this run's steps are counted");
    }

    @Test
    void aStepNearItsTimeoutIsAWarningAnnotationAndAJsonEvent() throws Exception {
        // sleep takes at least its time, so the step always uses more than 3 s of its 6 s
        Path guide = tmp.resolve("content/guides/slow");
        Files.createDirectories(guide);
        Files.writeString(guide.resolve("index.en.md"), "---\ntitle: slow\n---\n\n```sh {#nap timeout=6s}\nsleep 3.1\n```\n\n```sh {#quick}\ntrue\n```\n",
                StandardCharsets.UTF_8);
        String content = tmp.resolve("content").toString();
        Run r = run(github(tmp.resolve("summary.md")), "check", "--offline", "--no-sandbox", "--no-cache", "--content", content,
                "--results", tmp.resolve("results").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> warnings = workflowCommands(r.out()).stream().filter(l -> l.startsWith("::warning ")).toList();
        assertEquals(1, warnings.size(), r.out());
        String prefix = "::warning file=" + guide.resolve("index.en.md") + ",line=5,title=step near its timeout::";
        assertTrue(warnings.get(0).startsWith(prefix), warnings.get(0));
        assertTrue(warnings.get(0).substring(prefix.length()).matches("slow › nap took \\d+\\.\\d s of its 6 s timeout \\(more than half on [^)]+\\); "
                + "a busy host may time it out: raise timeout= or make the step faster"), warnings.get(0));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("WARN  ") && l.contains("slow › nap took ")), "the console line stays: " + r.out());

        Run jsonl = run(Map.of(), "check", "--format=jsonl", "--offline", "--no-sandbox", "--no-cache", "--content", content,
                "--results", tmp.resolve("results2").toString());
        assertEquals(0, jsonl.code(), jsonl.out() + jsonl.err());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String line : jsonl.out().split("\n")) events.add(json.readTree(line));
        List<JsonNode> warned = events.stream().filter(e -> e.get("event").asText().equals("warning")).toList();
        assertEquals(1, warned.size(), jsonl.out());
        assertEquals(guide.resolve("index.en.md").toString(), warned.get(0).get("file").asText());
        assertEquals(5, warned.get(0).get("line").asInt());
        assertTrue(warned.get(0).get("message").asText().startsWith("slow › nap took "), jsonl.out());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run r = run(Map.of(), "check", "--format", "xml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format xml: unknown format (allowed: auto, text, github, jsonl)"), r.err());
    }

    @Test
    void lintAnnotatesTooUnderGithub() {
        Run r = run(Map.of("GITHUB_ACTIONS", "true"), "lint", "--content", RUN);
        assertEquals(2, r.code());
        assertEquals(1, workflowCommands(r.out()).size(), r.out());
        assertTrue(workflowCommands(r.out()).get(0).startsWith("::warning file=" + RUN + "/guides/drifted/index.zh.md,line=5,"));
    }
}
