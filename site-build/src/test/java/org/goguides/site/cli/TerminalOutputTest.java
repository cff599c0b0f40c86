package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What check and lint print of a guide cannot drive the terminal (see {@code TerminalText} in checks). */
class TerminalOutputTest {
    @TempDir
    Path tmp;

    @Test
    void checkAndLintPrintGuideTextVisibly() throws Exception {
        Path guide = tmp.resolve("content/guides/evil");
        Files.createDirectories(guide);
        Files.writeString(guide.resolve("index.en.md"), "---\ntitle: evil\n---\n\n```console {#esc}\n$ printf 'ok\\n'\n\u001b[2Jwiped\u202e\n```\n\n"
                + "```console {#bad\u001b[31m}\n$ true\n```\n", StandardCharsets.UTF_8);
        MainTest.Run lint = MainTest.run("lint", "--content", tmp.resolve("content").toString());
        assertEquals(2, lint.code());
        assertTrue(lint.err().contains("\\e[31m"), lint.err());
        assertTrue(lint.err().chars().noneMatch(c -> c == 0x1b), "no raw ESC on the terminal: " + lint.err());
        // guides may not contain control characters (an authoring error), but what a snippet prints may
        Files.writeString(guide.resolve("index.en.md"), "---\ntitle: evil\n---\n\n```console {#esc}\n$ printf 'wiped\\342\\200\\256 \\302\\233x\\n'\nok\n```\n",
                StandardCharsets.UTF_8);
        MainTest.Run check = MainTest.run("check", "--offline", "--no-cache", "--content", tmp.resolve("content").toString(),
                "--results", tmp.resolve("results").toString());
        assertEquals(1, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("+ wiped\\u202e \\u009bx"), check.out());
        assertTrue(check.out().chars().noneMatch(c -> c == 0x1b || c == 0x202e || c == 0x9b), "no raw control on the terminal: " + check.out());
    }
}
