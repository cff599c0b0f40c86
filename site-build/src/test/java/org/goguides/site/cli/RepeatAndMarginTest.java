package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --repeat N} finds steps that do not give the same answer every time; slow steps are warned about. */
class RepeatAndMarginTest {
    @TempDir
    Path tmp;

    Path guide(String slug, String body) throws Exception {
        Path dir = tmp.resolve("content/guides").resolve(slug);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.en.md"), "---\ntitle: " + slug + "\n---\n\n" + body, StandardCharsets.UTF_8);
        return dir;
    }

    MainTest.Run main(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--content", tmp.resolve("content").toString(), "--results", tmp.resolve("results").toString()));
        return MainTest.run(all.toArray(String[]::new));
    }

    @Test
    void aStepThatPassesEveryOtherRunIsReportedWithEachAnswerAndExits1() throws Exception {
        // a counter outside the session (no sandbox, so the absolute path is writable): odd runs pass, even runs fail
        Path counter = tmp.resolve("counter");
        guide("alternating", "```sh {#steady}\necho same\n```\n\n```output\nsame\n```\n\n"
                + "```sh {#racy}\nn=$(cat " + counter + " 2>/dev/null || echo 0)\necho $((n + 1)) > " + counter
                + "\necho \"run $n\"\n[ $((n % 2)) = 0 ]\n```\n\n```output\nrun [..]\n```\n");
        MainTest.Run r = main("check", "--offline", "--no-sandbox", "--repeat", "3");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("== run 3 of 3 =="), r.out());
        assertTrue(r.out().contains("FLAKY alternating › racy ("), r.out());
        assertTrue(r.out().contains("runs 1, 3: passed"), r.out());
        assertTrue(r.out().contains("run 2: failed: exit code 1, expected 0"), r.out());
        assertTrue(r.out().contains("run 1"), "the differing outputs are shown: " + r.out());
        assertFalse(r.out().contains("FLAKY alternating › steady"), r.out());
        assertTrue(r.out().contains("repeat: 3 runs of 1 guide: 1 step differed between runs"), r.out());
    }

    @Test
    void stepsThatAnswerTheSameEveryTimePassEvenWhenTheirOutputIsLeftOpen() throws Exception {
        guide("steady", "```sh {#random}\necho \"pid $$\"\n```\n\n```output\npid [..]\n```\n");
        MainTest.Run r = main("check", "--offline", "--no-sandbox", "--repeat", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("repeat: 2 runs of 1 guide: no step differed between runs"), r.out());
    }

    @Test
    void repeatRefusesWhatItCannotCombineWith() {
        assertEquals(2, main("check", "--repeat", "0").code());
        MainTest.Run both = main("check", "--repeat", "2", "--update");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--repeat with --update"), both.err());
    }

    @Test
    void aStepThatUsesMoreThanHalfItsTimeoutIsWarnedAboutByCheckAndByLint() throws Exception {
        // sleep takes at least its time, so the step always uses more than 3 s of its 6 s (and a loaded machine has 2.9 s to start it)
        guide("slow", "```sh {#nap timeout=6s}\nsleep 3.1\n```\n\n```sh {#quick}\ntrue\n```\n");
        MainTest.Run r = main("check", "--offline", "--no-sandbox", "--no-cache");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("WARN  " + Path.of("content/guides/slow/index.en.md")) || r.out().contains("WARN  "), r.out());
        String warn = r.out().lines().filter(l -> l.startsWith("WARN ")).findFirst().orElse("");
        assertTrue(warn.matches("WARN  .*index\\.en\\.md:5: slow › nap took \\d+\\.\\d s of its 6 s timeout \\(more than half on .+\\); .*"), warn);
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("WARN ")).count(), "quick is not warned about: " + r.out());
        MainTest.Run lint = main("lint");
        assertEquals(0, lint.code(), lint.err());
        assertTrue(lint.err().lines().anyMatch(l -> l.startsWith("warning: ") && l.contains("slow › nap took ")), lint.err());
        // once the step's text changes, the old result no longer speaks for it
        guide("slow", "```sh {#nap timeout=6s}\nsleep 3.2\n```\n\n```sh {#quick}\ntrue\n```\n");
        assertFalse(main("lint").err().contains("slow › nap"), "a result of an older text is not reported");
    }
}
