package org.goguides.checks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;

/** The command line of checks on its own: the check of site-build.jar, without the site. */
class CheckMainTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path guide(String slug, String body) throws Exception {
        Path dir = tmp.resolve("content/guides").resolve(slug);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.en.md"), "---\ntitle: " + slug + "\n---\n\n" + body, StandardCharsets.UTF_8);
        return tmp.resolve("content");
    }

    @Test
    void runsTheGuidesAndWritesTheResultsFile() throws Exception {
        Path content = guide("hello", "```console {#greet}\n$ echo 你好\n你好\n```\n\n```console {#wrong}\n$ echo actual\nexpected\n```\n");
        Path results = tmp.resolve("results");
        Run r = run(Map.of(), "check", "--offline", "--content", content.toString(), "--results", results.toString());
        assertEquals(1, r.code(), "a failed step: exit 1\n" + r.out() + r.err());
        assertTrue(r.out().contains("PASS  hello › greet"), r.out());
        assertTrue(r.out().contains("FAIL  hello › wrong"), r.out());
        assertTrue(r.out().contains("1 passed, 1 failed, 0 skipped, 0 errors"), r.out());
        List<Path> files;
        try (var s = Files.list(results)) {
            files = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertEquals(1, files.size(), "one results file for this host (and its history): " + files);
        assertTrue(r.out().contains("results: " + files.get(0)), r.out());
        HostRun run = ResultStore.read(files.get(0));
        assertEquals(List.of("greet:passed", "wrong:failed"), run.snippets().stream().map(s -> s.id() + ":" + s.status().id()).sorted().toList());

        Run again = run(Map.of(), "--offline", "--content", content.toString(), "--results", results.toString(), "--guide", "hello");
        assertEquals(1, again.code(), "the verb is optional: " + again.out() + again.err());
        assertTrue(again.out().contains("FAIL  hello › wrong"), again.out());
    }

    @Test
    void jsonLinesOwnStdout() throws Exception {
        Path content = guide("hello", "```console {#greet}\n$ echo hi\nhi\n```\n");
        Run r = run(Map.of(), "--offline", "--format", "jsonl", "--content", content.toString(), "--results", tmp.resolve("r").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("PASS  hello › greet"), "the plain lines on stderr: " + r.err());
        ObjectMapper json = new ObjectMapper();
        boolean step = false;
        for (String line : r.out().split("\n")) {
            JsonNode e = json.readTree(line);
            step |= e.path("id").asText().equals("greet") && e.path("status").asText().equals("passed");
        }
        assertTrue(step, "the step's event: " + r.out());
    }

    @Test
    void authoringErrorsAndBadUsageExit2() throws Exception {
        Path content = guide("bad", "```console {#x platfrom=linux}\n$ true\n```\n");
        Run authoring = run(Map.of(), "--content", content.toString(), "--results", tmp.resolve("r").toString());
        assertEquals(2, authoring.code());
        assertTrue(authoring.err().contains("content/guides/bad/index.en.md:5: unknown attribute \"platfrom\""), authoring.err());
        assertTrue(authoring.err().endsWith("1 authoring error\n"), authoring.err());
        assertFalse(Files.exists(tmp.resolve("r")), "nothing ran, nothing written");

        Run usage = run(Map.of(), "--port=1", "--repeat", "2", "--update", "--go", "go2");
        assertEquals(2, usage.code());
        assertEquals(List.of("error: unknown option \"--port\" (options: --content DIR, --results DIR, --guide SLUG, --offline, --no-sandbox, "
                        + "--disposable-host, --update, --no-cache, --go LIST, --changed-since REF, --repeat N, --format FORMAT, --require-sandbox)",
                "error: --go go2: not a Go version (a comma list such as go1.22.12,go1.25.3,local)",
                "error: --repeat with --update: --update rewrites expected output from one run (run --repeat, then --update)",
                "run with --help for usage"), usage.err().lines().toList());

        Run help = run(Map.of(), "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: java -cp CLASSPATH org.goguides.checks.cli.Main [check] [options]"), help.out());
    }
}
