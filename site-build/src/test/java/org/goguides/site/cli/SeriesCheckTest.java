package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;

/**
 * Guides that build on each other ({@code after:}): the second part starts from the files, directory and
 * exported variables the first leaves, the chain runs once, and the cache, {@code --guide} and
 * {@code --changed-since} re-check what builds on a change. Also: {@code check --guide} keeps the other
 * guides' results in the host's file.
 */
class SeriesCheckTest {
    @TempDir
    Path tmp;
    Path content;
    Path results;

    static final String PART1 = """
            ---
            title: Part one
            ---

            ```console {#make}
            $ mkdir -p work/sub && cd work
            $ export GREETING="hi from $HOME"
            ```

            ```text {#note file=./note.txt}
            written in work
            ```
            """;

    static final String PART2 = """
            ---
            title: Part two
            after: part-one
            ---

            ```console {#carried}
            $ pwd | sed "s#^$HOME#~#"
            ~/work
            $ cat note.txt
            written in work
            $ test "$GREETING" = "hi from $HOME" && echo same home
            same home
            ```
            """;

    @BeforeEach
    void guides() throws Exception {
        content = tmp.resolve("content");
        results = tmp.resolve("results");
        write("part-one", PART1);
        write("part-two", PART2);
        write("other", "---\ntitle: Other\n---\n\n```console {#one}\n$ echo other\nother\n```\n");
    }

    void write(String slug, String text) throws Exception {
        Path dir = content.resolve("guides").resolve(slug);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.en.md"), text, StandardCharsets.UTF_8);
    }

    MainTest.Run check(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--offline", "--content", content.toString(), "--results", results.toString()));
        args.addAll(List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    HostRun resultsFile() throws Exception {
        try (var s = Files.list(results)) {
            return ResultStore.read(s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow());
        }
    }

    Set<String> guidesIn(HostRun run) {
        return run.snippets().stream().map(SnippetResult::guide).collect(Collectors.toSet());
    }

    @Test
    void theSecondPartStartsFromTheFirstPartsFinalStateAndTheChainRunsOnce() throws Exception {
        MainTest.Run r = check("--guide", "part-two");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PASS  part-one › make"), "the guide it builds on runs first: " + r.out());
        assertTrue(r.out().contains("PASS  part-two › carried"), r.out());
        assertEquals(1, r.out().split("part-one › make", -1).length - 1, "once: " + r.out());
        assertTrue(r.out().indexOf("part-one › note") < r.out().indexOf("part-two › carried"), r.out());
    }

    @Test
    void checkGuideKeepsTheOtherGuidesResults() throws Exception {
        assertEquals(0, check().code());
        assertEquals(Set.of("part-one", "part-two", "other"), guidesIn(resultsFile()));
        MainTest.Run one = check("--guide", "other");
        assertEquals(0, one.code(), one.out() + one.err());
        assertTrue(one.out().contains("kept 3 earlier results of guides this run did not check"), one.out());
        HostRun after = resultsFile();
        assertEquals(Set.of("part-one", "part-two", "other"), guidesIn(after), "the preview still shows every guide");
        assertEquals(4, after.snippets().size(), "no result twice");
        SnippetResult kept = after.snippets().stream().filter(x -> x.guide().equals("part-two")).findFirst().orElseThrow();
        assertFalse(kept.ranAt().isEmpty(), "a kept result says when it really ran");
    }

    @Test
    void aChangeInTheFirstPartReChecksTheSecondUnderTheCacheAndChangedSince() throws Exception {
        assertEquals(0, check().code());
        MainTest.Run cached = check();
        assertTrue(cached.out().contains("cached: part-one, part-two, other") || cached.out().contains("cached: other, part-one, part-two"),
                cached.out());
        write("part-one", PART1.replace("written in work", "written again"));
        MainTest.Run changed = check();
        assertTrue(changed.out().contains("cached: other ("), "part two builds on the change, so it is not reused: " + changed.out());
        assertTrue(changed.out().contains("FAIL  part-two › carried"), "and it really ran against the new state: " + changed.out());

        write("part-one", PART1);
        CheckLoopTest.git(tmp, "init", "-q");
        CheckLoopTest.git(tmp, "add", ".");
        CheckLoopTest.git(tmp, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "guides");
        write("part-one", PART1.replace("title: Part one", "title: Part one, edited"));
        MainTest.Run since = check("--changed-since", "HEAD", "--no-cache");
        assertTrue(since.out().contains("changed since HEAD: part-one, part-two"), since.out());
        assertTrue(since.out().contains("PASS  part-two › carried") && !since.out().contains("other › one"), since.out());
    }

    @Test
    void whenThePartItBuildsOnFailsTheSecondPartIsSkippedAndSaysWhy() throws Exception {
        write("part-one", PART1.replace("$ export GREETING", "$ false\n$ export GREETING"));
        MainTest.Run r = check();
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("SKIP  part-two › carried"), r.out());
        assertTrue(r.out().contains("this guide builds on part-one (after:), but part-one's step make failed; fix that first"), r.out());
    }

    @Test
    void aPartWithoutStepsPassesTheStateOnAndAFailureIsNamedDownTheChain() throws Exception {
        write("part-two", PART2.replace("after: part-one", "after: prose"));
        write("prose", "---\ntitle: Prose\nafter: part-one\n---\n\nOnly reading here.\n");
        write("part-three", "---\ntitle: Three\nafter: part-two\n---\n\n```console {#three}\n$ cat note.txt\nwritten in work\n```\n");
        MainTest.Run ok = check("--guide", "part-three");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("PASS  part-two › carried") && ok.out().contains("PASS  part-three › three"), ok.out());
        write("part-one", PART1.replace("$ export GREETING", "$ false\n$ export GREETING"));
        MainTest.Run failed = check("--guide", "part-three");
        assertTrue(failed.out().contains("this guide builds on prose (after:), but part-one's step make failed; fix that first"),
                failed.out());
        assertTrue(failed.out().contains("this guide builds on part-two (after:), but part-one's step make failed; fix that first"), failed.out());
    }

    @Test
    void missingGuidesAndCyclesAreAuthoringErrorsAtTheAfterLine() throws Exception {
        write("part-one", PART1.replace("title: Part one\n", "title: Part one\nafter: part-two\n"));
        write("other", "---\ntitle: Other\nafter: part-tow\n---\n\ntext\n");
        MainTest.Run r = MainTest.run("lint", "--content", content.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("guides/other/index.en.md:3: after: \"part-tow\" names no guide (did you mean \"part-two\"? "
                + "after: takes the folder name of a guide under guides/)"), r.err());
        assertTrue(r.err().contains("guides/part-one/index.en.md:3: after: \"part-two\" makes a cycle: part-one → part-two → part-one "
                + "(a series must start with a guide that has no after:)"), r.err());
        MainTest.Run c = check("--guide", "part-two");
        assertEquals(2, c.code(), "check refuses to run a cycle: " + c.out());
    }
}
