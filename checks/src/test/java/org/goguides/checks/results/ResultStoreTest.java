package org.goguides.checks.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.model.Problem;

class ResultStoreTest {
    @TempDir
    Path tmp;

    static HostRun run(String key, String finished, String status) {
        HostInfo h = new HostInfo(key, "linux", "amd64", false, 0, "debian 12", "6.1", "go1.26.8", true);
        SnippetResult r = new SnippetResult("g", "en", "s", "sh", "content/guides/g/index.en.md", 5, "sha256:" + "a".repeat(64),
                Status.of(status), "", 0, 3, "输出 <b>\n", "");
        return new HostRun(1, h, "bwrap", "2026-11-20T00:00:00Z", finished, List.of(r));
    }

    @Test
    void writesAtomicallyAndKeepsTheLastRunsPerHost() throws Exception {
        for (int i = 0; i < 12; i++) ResultStore.write(tmp, run("h1", String.format("2026-11-%02dT10:00:00Z", i + 1), i % 2 == 0 ? "passed" : "failed"));
        assertEquals(List.of("h1.json", "history"), Files.list(tmp).map(p -> p.getFileName().toString()).sorted().toList());
        List<Problem> problems = new ArrayList<>();
        List<HostRun> hist = ResultStore.history(List.of(tmp), problems);
        assertEquals(ResultStore.HISTORY, hist.size());
        assertEquals("2026-11-03T10:00:00Z", hist.get(0).finished(), "the oldest runs are dropped");
        assertEquals("2026-11-12T10:00:00Z", ResultStore.loadAll(List.of(tmp), problems).get(0).finished(), "history is not read as current");
        assertEquals(List.of(), problems);
    }

    @Test
    void readsMergedFilesAndChineseSurvives() throws Exception {
        Path merged = tmp.resolve("all.json");
        ResultStore.writeMerged(merged, List.of(run("a", "2026-11-01T00:00:00Z", "passed"), run("b", "2026-11-02T00:00:00Z", "failed")));
        List<Problem> problems = new ArrayList<>();
        List<HostRun> runs = ResultStore.loadAll(List.of(merged), problems);
        assertEquals(2, runs.size());
        assertEquals("输出 <b>\n", runs.get(0).snippets().get(0).output());
        assertEquals("bwrap", runs.get(1).isolation());
        String text = Files.readString(merged, StandardCharsets.UTF_8);
        assertTrue(text.contains("输出"));
        // Map.of's order changed with every JVM run, so identical builds published different all.json files
        assertTrue(text.indexOf("\"schema\"") < text.indexOf("\"runs\""), "schema before runs in every run: " + text.substring(0, 40));
    }

    @Test
    void badFilesBecomeProblemsWithTheirLine() throws Exception {
        Files.writeString(tmp.resolve("bad.json"), "{\n \"schema\": 1,\n \"host\": \n", StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("old.json"), "{\"schema\": 7, \"host\": {\"key\": \"x\"}}", StandardCharsets.UTF_8);
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of(), ResultStore.loadAll(List.of(tmp), problems));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().contains("bad.json:"), problems.toString());
        assertTrue(problems.get(1).toString().endsWith("not a results file of schema 1"), problems.toString());
    }

    @Test
    void statusesAreWrittenLowerCaseAndAnUnknownOneIsAClearErrorWithItsLine() throws Exception {
        Path file = ResultStore.write(tmp, run("h1", "2026-11-20T10:00:00Z", "error"));
        String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\"status\" : \"error\""), text);
        assertEquals(Status.ERROR, ResultStore.read(file).snippets().get(0).status());
        assertEquals("error: could not run", Status.ERROR + ": could not run", "a status in a message reads as in the file");
        Files.writeString(file, text.replace("\"status\" : \"error\"", "\"status\" : \"flaky\""), java.nio.charset.StandardCharsets.UTF_8);
        int line = (int) text.lines().takeWhile(l -> !l.contains("\"status\"")).count() + 1;
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of(), ResultStore.loadAll(List.of(file), problems));
        assertEquals(List.of(file + ":" + line + ": unknown status \"flaky\" (allowed: passed, failed, skipped, error)"),
                problems.stream().map(Problem::toString).toList());
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> ResultStore.read(file));
        assertEquals(file + ":" + line + ": unknown status \"flaky\" (allowed: passed, failed, skipped, error)", e.getMessage());
        Files.writeString(file, text.replace("\"status\" : \"error\",", ""), java.nio.charset.StandardCharsets.UTF_8);
        problems.clear();
        assertEquals(List.of(), ResultStore.loadAll(List.of(file), problems));
        assertEquals(List.of(file + ":1: no status (allowed: passed, failed, skipped, error)"), problems.stream().map(Problem::toString).toList());
    }
}
