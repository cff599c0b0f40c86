package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one line per error, no stack traces. */
class MainTest {
    static final Path MALFORMED = Path.of("../checks/src/test/resources/malformed");
    static final Path GOLDEN = Path.of("src/test/resources/golden/content");
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void lintPrintsOneLinePerProblemAndExits2() {
        Run r = run("lint", "--content", MALFORMED.toString());
        assertEquals(2, r.code());
        String[] lines = r.err().split("\n");
        assertEquals("30 authoring errors", lines[lines.length - 1]);
        for (int i = 0; i < lines.length - 1; i++) {
            assertTrue(lines[i].matches("[^:]+\\.md:\\d+: .+"), "path:line: message, got " + lines[i]);
        }
        assertFalse(r.err().contains("Exception"), "no stack trace");
    }

    @Test
    void lintOfGoodContentSaysSo() {
        Run r = run("lint", "--content", "../checks/src/test/resources/corpus");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("ok: 3 guide files"), r.out());
    }

    @Test
    void lintReportsTranslationsThatDrifted() {
        Run r = run("lint", "--content", GOLDEN.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("demo/index.en.md:25: snippet \"failed\" has no counterpart in "), r.err());
    }

    @Test
    void buildRefusesAuthoringErrorsAndKeepsThePreviousSite() throws Exception {
        Path out = tmp.resolve("site");
        Run ok = run("build", "--content", GOLDEN.toString(), "--templates", "../templates", "--results", tmp.resolve("none").toString(),
                "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        String before = Files.readString(out.resolve("en/demo/index.html"), StandardCharsets.UTF_8);
        Run bad = run("build", "--content", MALFORMED.toString(), "--templates", "../templates", "--out", out.toString());
        assertEquals(2, bad.code());
        assertEquals(before, Files.readString(out.resolve("en/demo/index.html"), StandardCharsets.UTF_8));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().contains("site")).count(), "no half-written folder left");
        }
    }

    @Test
    void checkRefusesAuthoringErrors() {
        Run r = run("check", "--content", MALFORMED.toString(), "--results", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad-snippets/index.en.md:7: unknown attribute \"platfrom\""), r.err());
    }

    @Test
    @Tag("snippets")
    void checkExitsOneWhenASnippetFails() throws Exception {
        Path content = tmp.resolve("content/guides/tiny");
        Files.createDirectories(content);
        Files.writeString(content.resolve("index.en.md"), """
                ---
                title: Tiny
                ---

                ```console {#ok}
                $ echo 你好
                你好
                ```

                ```console {#wrong session=other}
                $ echo real
                expected
                ```
                """, StandardCharsets.UTF_8);
        Run r = run("check", "--content", tmp.resolve("content").toString(), "--results", tmp.resolve("results").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 passed, 1 failed, 0 skipped, 0 errors"), r.out());
        assertTrue(r.out().contains("- expected") && r.out().contains("+ real"), r.out());
        try (var s = Files.list(tmp.resolve("results"))) {
            assertEquals(1, s.filter(p -> p.toString().endsWith(".json")).count(), "one results file for this host");
        }
    }

    @Test
    void badUsageIsExplained() {
        Run r = run("chek");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown command \"chek\" (commands: check, build, serve, lint, compare)"), r.err());
        Run o = run("build", "--otu", "x");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("unknown option \"--otu\""), o.err());
        assertEquals(0, run("--help").code());
    }

    @Test
    @Tag("snippets")
    void updateRewritesExactlyTheWrongExpectedOutput() throws Exception {
        Path dir = tmp.resolve("content/guides/upd");
        Files.createDirectories(dir);
        String before = """
                ---
                title: Update
                ---

                Prose stays.

                ```console {#t}
                $ echo same
                same
                $ printf 'go version go1.99 linux/amd64\\nnew line\\n'
                go version go1.[..] [..]
                old line
                [0]
                ```

                ```sh {#s session=two}
                printf 'alpha\\nbeta\\ngamma\\n'
                ```

                ```output
                alpha
                ...
                delta
                ```

                ```console {#ok session=three}
                $ echo fine
                fine
                ```
                """;
        Files.writeString(dir.resolve("index.en.md"), before, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.zh.md"), before.replace("Prose stays.", "中文说明不变。"), StandardCharsets.UTF_8);
        Run r = run("check", "--update", "--content", tmp.resolve("content").toString(), "--results", tmp.resolve("results").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("update: rewrote 4 expected outputs"), r.out());
        String after = before.replace("go version go1.[..] [..]\nold line\n", "go version go1.[..] [..]\nnew line\n")
                .replace("alpha\n...\ndelta\n", "alpha\n...\ngamma\n");
        assertEquals(after, Files.readString(dir.resolve("index.en.md"), StandardCharsets.UTF_8));
        assertEquals(after.replace("Prose stays.", "中文说明不变。"), Files.readString(dir.resolve("index.zh.md"), StandardCharsets.UTF_8),
                "the translation with the same step is fixed too");
        Run again = run("check", "--content", tmp.resolve("content").toString(), "--results", tmp.resolve("results").toString());
        assertEquals(0, again.code(), again.out());
    }

    /** Hostile output cannot change the guide's structure through --update: no fence closed, no command added. */
    @Test
    @Tag("snippets")
    void updateNeverClosesTheFenceNorAddsACommand() throws Exception {
        Path dir = tmp.resolve("content/guides/fence");
        Files.createDirectories(dir);
        String before = """
                ---
                title: Fence
                ---

                ```sh {#fence}
                printf 'a\\n```\\n```sh {#injected}\\necho injected\\n```\\n'
                ```

                ```output
                a
                ```

                ```console {#cmd session=c}
                $ printf 'x\\n$ echo injected\\n'
                x
                ```
                """;
        Files.writeString(dir.resolve("index.en.md"), before, StandardCharsets.UTF_8);
        String content = tmp.resolve("content").toString();
        String results = tmp.resolve("results").toString();
        Run r = run("check", "--update", "--content", content, "--results", results);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("update: rewrote 1 expected outputs"), r.out());
        assertTrue(r.err().contains("fence/index.en.md:13: ") && r.err().contains("edit it by hand"), "the console step is refused: " + r.err());
        String after = Files.readString(dir.resolve("index.en.md"), StandardCharsets.UTF_8);
        assertTrue(after.contains("````output\na\n```\n```sh {#injected}\necho injected\n```\n````\n"), after);
        assertTrue(after.endsWith("$ printf 'x\\n$ echo injected\\n'\nx\n```\n"), "the console step is left alone: " + after);
        Run again = run("check", "--content", content, "--results", results);
        assertTrue(again.out().contains("1 passed, 1 failed, 0 skipped, 0 errors"), "still two steps, none injected: " + again.out());
        assertFalse(again.out().contains("injected ("), again.out());
    }
}
