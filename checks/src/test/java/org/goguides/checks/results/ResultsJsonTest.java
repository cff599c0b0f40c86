package org.goguides.checks.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.model.Problem;

/**
 * The streaming reader and writer of results files ({@link ResultsReader}, {@link ResultsWriter}) against
 * jackson-databind configured as {@link ResultStore} had it (indented output, the records' field order, unknown
 * properties ignored): the same bytes written and the same records read from valid files; and the strict reading of
 * hostile ones, each problem with its line.
 */
class ResultsJsonTest {
    @TempDir
    Path tmp;

    /** The databind mapper ResultStore used, with the annotations the records carried then (now mix-ins). */
    static final ObjectMapper DATABIND = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(HostRun.class, RunAsBefore.class)
            .addMixIn(HostInfo.class, HostAsBefore.class)
            .addMixIn(SnippetResult.class, SnippetAsBefore.class)
            .addMixIn(Status.class, StatusAsBefore.class);

    @JsonPropertyOrder({"schema", "host", "isolation", "started", "finished", "snippets"})
    abstract static class RunAsBefore {
    }

    @JsonPropertyOrder({"key", "os", "arch", "wsl", "wslVersion", "distro", "kernel", "go", "online", "rosetta"})
    abstract static class HostAsBefore {
        @JsonCreator
        HostAsBefore(String key, String os, String arch, boolean wsl, int wslVersion, String distro, String kernel,
                     String go, boolean online, boolean rosetta) {
        }
    }

    @JsonPropertyOrder({"guide", "locale", "id", "lang", "source", "line", "hash", "status", "reason", "exit", "durationMs", "output", "diff", "ranAt"})
    abstract static class SnippetAsBefore {
    }

    abstract static class StatusAsBefore {
        @JsonValue
        abstract String id();

        @JsonCreator
        static Status of(String id) {
            return Status.of(id);
        }
    }

    /** Text with what JSON must escape, Chinese, an emoji (a surrogate pair), control characters and separators. */
    private static String text(Random rnd, int max) {
        String[] parts = {"a", "Z", " ", "输出", "中文", "😀", "\"", "\\", "/", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f",
                "\u2028", "\u2029", "<b>", "&amp;", "é", "ß", "\uFEFF", "'", "$HOME", "\u00a0"};
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(max + 1);
        for (int i = 0; i < n; i++) b.append(parts[rnd.nextInt(parts.length)]);
        return b.toString();
    }

    /** Some runs with every kind of value: nulls, negative and large numbers, both booleans, every status. */
    static List<HostRun> runs(long seed) {
        Random rnd = new Random(seed);
        List<HostRun> runs = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            HostInfo host = new HostInfo("host-" + h, "linux", "amd64", h % 2 == 0, h, h == 3 ? null : text(rnd, 4),
                    h == 1 ? null : "6.1", "go1.26.8", h != 2, h == 1);
            List<SnippetResult> results = new ArrayList<>();
            for (int i = 0; i < (h == 2 ? 0 : 60); i++) {
                results.add(new SnippetResult(text(rnd, 4), i % 2 == 0 ? "zh" : "en", "s" + i, "sh", "content/guides/g/index.zh.md",
                        rnd.nextInt(), "sha256:" + "f".repeat(64), Status.values()[i % 4], i % 5 == 0 ? null : text(rnd, 6),
                        i % 3 - 1, i % 7 == 0 ? Long.MAX_VALUE : rnd.nextLong(), text(rnd, 40), i % 3 == 0 ? null : text(rnd, 10),
                        i % 4 == 0 ? "2026-11-01T00:00:00Z" : ""));
            }
            runs.add(new HostRun(1, host, h == 0 ? null : "bwrap", h == 3 ? null : "2026-11-20T00:00:00Z", "2026-11-20T00:01:00Z", results));
        }
        runs.add(new HostRun(1, null, "none", null, null, List.of()));
        return runs;
    }

    /** What ResultStore.mergedJson wrote with databind: a map of schema and runs, in this order. */
    static byte[] databindMerged(List<HostRun> runs) throws IOException {
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("schema", HostRun.SCHEMA);
        merged.put("runs", runs);
        return DATABIND.writeValueAsBytes(merged);
    }

    @Test
    void writesTheBytesDatabindWrote() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            List<HostRun> runs = runs(seed);
            for (HostRun run : runs) assertArrayEquals(DATABIND.writeValueAsBytes(run), ResultsWriter.run(run));
            assertArrayEquals(databindMerged(runs), ResultStore.mergedJson(runs), "seed " + seed);
        }
        assertArrayEquals(databindMerged(List.of()), ResultStore.mergedJson(List.of()));
        HostRun run = ResultStoreTest.run("h1", "2026-11-20T10:00:00Z", "passed");
        Path file = ResultStore.write(tmp, run);
        assertArrayEquals(DATABIND.writeValueAsBytes(run), Files.readAllBytes(file));
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("\"output\" : \"输出 <b>\\n\""), "Chinese as UTF-8, not escaped");
    }

    @Test
    void readsWhatItWroteAndWhatDatabindRead() throws Exception {
        List<HostRun> runs = runs(7);
        List<Problem> problems = new ArrayList<>();
        for (HostRun run : runs.subList(0, 4)) {
            Path f = ResultStore.write(tmp.resolve("single"), run);
            assertEquals(run, ResultStore.read(f));
            assertEquals(DATABIND.readValue(Files.readString(f, StandardCharsets.UTF_8), HostRun.class), ResultStore.read(f));
        }
        Path merged = tmp.resolve("all.json");
        ResultStore.writeMerged(merged, runs.subList(0, 4));
        assertEquals(runs.subList(0, 4), ResultStore.loadAll(List.of(merged), problems));
        assertEquals(List.of(), problems);
        assertNull(ResultStore.read(merged).host(), "a merged file read as one run has no host (the callers of read skip it)");
    }

    @Test
    void unknownFieldsAreSkippedAndAbsentOnesTakeTheRecordsDefaultsAsWithDatabind() throws Exception {
        String text = """
                {"future": {"a": [1, {"b": [[], {}]}], "c": null}, "schema": 1, "started": null,
                 "host": {"key": "k", "os": "linux", "arch": "amd64", "wsl": true, "extra": [true, 1.5e300, "x"]},
                 "snippets": [{"guide": "g", "locale": "zh", "id": "s1", "hash": "h", "status": "skipped", "more": {"x": {"y": [1]}}},
                              {"guide": "g", "locale": "zh", "id": "s2", "hash": "h", "status": "passed", "line": -3, "durationMs": 9007199254740993}],
                 "finished": "2026-11-20T00:00:00Z", "tail": 12345678901234567890123}
                """;
        Path f = tmp.resolve("h.json");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        HostRun run = ResultStore.read(f);
        assertEquals(DATABIND.readValue(text, HostRun.class), run);
        assertEquals(new HostInfo("k", "linux", "amd64", true, 0, null, null, null, false, false), run.host());
        assertEquals("none", run.isolation(), "the record's default");
        assertEquals(new SnippetResult("g", "zh", "s1", null, null, 0, "h", Status.SKIPPED, null, 0, 0, null, null, ""), run.snippets().get(0));
        assertEquals(9007199254740993L, run.snippets().get(1).durationMs());
        assertEquals(-3, run.snippets().get(1).line());
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of(run), ResultStore.loadAll(List.of(f), problems));
        assertEquals(List.of(), problems);
    }

    /** A single-run file written by check: one field a line, so that a wrong value's line is known. */
    private static String validFile() {
        return new String(ResultsWriter.run(ResultStoreTest.run("h1", "2026-11-20T10:00:00Z", "passed")), StandardCharsets.UTF_8);
    }

    /** The problems of {@code text} read as a results file, and (for a file of one problem) read's message. */
    private List<String> problems(String text) throws IOException {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        List<Problem> problems = new ArrayList<>();
        List<HostRun> runs = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ResultStore.loadAll(List.of(f), problems));
        assertEquals(List.of(), runs, "a file with a problem is not used");
        return problems.stream().map(p -> p.toString().substring(f.toString().length() + 1)).toList();
    }

    /** The file written by check with the first {@code "name" : value} replaced; the problem expected on its line. */
    private void wrong(String name, String value, String message) throws IOException {
        String valid = validFile();
        String old = switch (name) {
            case "host" -> "\\{[^}]*\\}";
            case "snippets" -> "(?s)\\[.*\\](?=\\s*\\}\\s*$)";
            default -> "(\"[^\"]*\"|[^,\\n]*)";
        };
        Matcher m = Pattern.compile("\"" + name + "\" : " + old).matcher(valid);
        assertTrue(m.find(), name);
        int line = (int) valid.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        String text = valid.substring(0, m.start()) + "\"" + name + "\" : " + value + valid.substring(m.end());
        assertEquals(List.of(line + ": " + message), problems(text), name + " = " + value);
        Path f = tmp.resolve("bad.json");
        IOException e = assertThrows(IOException.class, () -> ResultStore.read(f));
        assertEquals(f + ":" + line + ": " + message, e.getMessage());
    }

    @Test
    void everyFieldOfTheWrongTypeIsAProblemOnItsLineNamingWhatIsAllowed() throws Exception {
        for (String s : List.of("guide", "locale", "id", "lang", "source", "hash", "reason", "output", "diff", "ranAt",
                "isolation", "started", "finished", "key", "os", "arch", "distro", "kernel", "go")) {
            wrong(s, "7", "\"" + s + "\" must be a string (found a whole number)");
        }
        for (String s : List.of("line", "exit", "wslVersion", "schema", "durationMs")) {
            wrong(s, "\"x\"", "\"" + s + "\" must be a whole number (found a string)");
        }
        for (String s : List.of("wsl", "online", "rosetta")) wrong(s, "\"true\"", "\"" + s + "\" must be true or false (found a string)");
        wrong("status", "3", "\"status\" must be one of passed, failed, skipped, error (found a whole number)");
        wrong("status", "null", "no status (allowed: passed, failed, skipped, error)");
        wrong("status", "\"PASSED\"", "unknown status \"PASSED\" (allowed: passed, failed, skipped, error)");
        wrong("host", "[]", "\"host\" must be an object (found an array)");
        wrong("snippets", "3", "\"snippets\" must be an array of snippet results (found a whole number)");
        wrong("snippets", "{}", "\"snippets\" must be an array of snippet results (found an object)");
    }

    @Test
    void whatDatabindCoercedIsAProblemNow() throws Exception {
        wrong("line", "\"40\"", "\"line\" must be a whole number (found a string)");
        wrong("line", "40.0", "\"line\" must be a whole number (found a decimal number)");
        wrong("durationMs", "4e1", "\"durationMs\" must be a whole number (found a decimal number)");
        wrong("exit", "null", "\"exit\" must be a whole number (found null)");
        wrong("exit", "true", "\"exit\" must be a whole number (found true)");
        wrong("wsl", "0", "\"wsl\" must be true or false (found a whole number)");
        wrong("online", "null", "\"online\" must be true or false (found null)");
        wrong("guide", "false", "\"guide\" must be a string (found false)");
        wrong("output", "[\"ok\"]", "\"output\" must be a string (found an array)");
        wrong("reason", "{\"why\": 1}", "\"reason\" must be a string (found an object)");
        // null stays what it was for strings, the host and the list: absent
        String valid = validFile();
        Path f = tmp.resolve("null.json");
        Files.writeString(f, valid.replace("\"reason\" : \"\"", "\"reason\" : null").replace("\"snippets\" : [", "\"snippets\" : null, \"x\" : ["),
                StandardCharsets.UTF_8);
        HostRun run = ResultStore.read(f);
        assertEquals(List.of(), run.snippets());
    }

    @Test
    void numbersOutOfRangeAreProblemsNotExceptions() throws Exception {
        wrong("line", "2147483648", "\"line\" must be a whole number from -2147483648 to 2147483647 (found one out of that range)");
        wrong("wslVersion", "-2147483649", "\"wslVersion\" must be a whole number from -2147483648 to 2147483647 (found one out of that range)");
        wrong("durationMs", "9223372036854775808",
                "\"durationMs\" must be a whole number from -9223372036854775808 to 9223372036854775807 (found one out of that range)");
        wrong("exit", "1" + "0".repeat(99), "\"exit\" must be a whole number from -2147483648 to 2147483647 (found one out of that range)");
        List<String> p = problems(validFile().replace("\"exit\" : 0", "\"exit\" : 1" + "0".repeat(5000)));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).matches("\\d+: invalid results JSON: Number value length \\(\\d+\\) exceeds the maximum allowed \\(100.*"), p.get(0));
    }

    @Test
    void everyProblemOfAFileAtOnceAndAFieldGivenTwice() throws Exception {
        String text = "{\"schema\": 1, \"host\": {\"key\": \"k\", \"wsl\": \"no\"},\n"
                + "\"snippets\": [{\"status\": \"passed\", \"line\": \"5\"},\n"
                + " 7,\n"
                + " {\"status\": \"passed\", \"status\": \"failed\"}]}";
        assertEquals(List.of("1: \"wsl\" must be true or false (found a string)", "2: \"line\" must be a whole number (found a string)",
                "3: each of \"snippets\" must be an object (found a whole number)",
                "4: \"status\" is given twice (each field once)"), problems(text));
        StringBuilder many = new StringBuilder("{\"schema\": 1, \"snippets\": [\n");
        for (int i = 0; i < 10_000; i++) many.append("{\"status\": \"passed\", \"line\": \"x\"},\n");
        List<String> p = problems(many.append("{}]}").toString());
        assertEquals(StrictJson.MAX_PROBLEMS + 1, p.size());
        assertEquals("21: reading stopped after 20 problems", p.get(p.size() - 1));
    }

    @Test
    void malformedOrMisshapenFilesAreProblemsWithTheParsersLine() throws Exception {
        assertEquals(List.of("1: invalid results JSON: the file is empty (a results file is one JSON object)"), problems(""));
        assertEquals(List.of("1: invalid results JSON: the file is empty (a results file is one JSON object)"), problems(" \n"));
        assertEquals(List.of("2: a results file must be a JSON object (found an array)"), problems("\n[{\"schema\": 1}]"));
        assertEquals(List.of("1: a results file must be a JSON object (found a string)"), problems("\"schema\""));
        assertEquals(List.of((validFile().lines().count() + 2) + ": invalid results JSON: more after the results object (one JSON object per file)"),
                problems(validFile() + "\n\n{}"));
        List<String> p = problems("{\n \"schema\": 1,\n \"host\": {\"key\": 'k'}}");
        assertTrue(p.size() == 1 && p.get(0).startsWith("3: invalid results JSON: Unexpected character ('''"), p.toString());
        p = problems("{\n \"schema\": 1,\n \"snippets\": [\n");
        assertTrue(p.size() == 1 && p.get(0).startsWith("4: invalid results JSON: Unexpected end-of-input"), p.toString());
        p = problems(validFile().replace("\"exit\" : 0", "\"exit\" : NaN"));
        assertTrue(p.size() == 1 && p.get(0).contains(": invalid results JSON: Non-standard token 'NaN'"), p.toString());
        p = problems(validFile() + " trailing");
        assertTrue(p.size() == 1 && p.get(0).contains(": invalid results JSON: Unrecognized token 'trailing'"), p.toString());

        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\n \"schema\": 1,\n \"host\": \n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ResultStore.read(f));
        assertTrue(e.getMessage().startsWith(f + ":4: invalid results JSON: Unexpected end-of-input"), e.getMessage());
    }

    @Test
    void mergedFilesAreCheckedRunByRun() throws Exception {
        HostRun run = ResultStoreTest.run("h1", "2026-11-20T10:00:00Z", "passed");
        String one = new String(ResultsWriter.run(run), StandardCharsets.UTF_8);
        assertEquals(List.of("1: \"runs\" must be an array of runs (found a whole number)"), problems("{\"schema\": 1, \"runs\": 3}"));
        assertEquals(List.of("1: \"runs\" must be an array of runs (found null)"), problems("{\"schema\": 1, \"runs\": null}"));
        assertEquals(List.of("2: each of \"runs\" must be an object (found an array)"), problems("{\"schema\": 1, \"runs\": [\n[" + one + "]]}"));
        assertEquals(List.of("1: not a results file of schema 1"), problems("{\"schema\": 2, \"runs\": [" + one + "]}"));
        // a run of another schema is left out with its line; the other runs of the file count
        Path f = tmp.resolve("all.json");
        Files.writeString(f, "{\"schema\": 1, \"runs\": [" + one + ",\n{\"schema\": 2, \"host\": {\"key\": \"x\"}},\n{\"schema\": 1}]}", StandardCharsets.UTF_8);
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of(run), ResultStore.loadAll(List.of(f), problems));
        int line = (int) one.lines().count() + 1;
        assertEquals(List.of(f + ":" + line + ": not a results file of schema 1", f + ":" + (line + 1) + ": not a results file of schema 1"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void hostileInputsEndQuicklyAsProblems() throws Exception {
        // deep nesting in a field nobody reads
        String deep = "[".repeat(200_000);
        List<String> p = problems("{\"schema\": 1, \"x\": " + deep + "}");
        assertTrue(p.size() == 1 && p.get(0).startsWith("1: invalid results JSON: Document nesting depth (101) exceeds the maximum allowed (100"), p.toString());
        p = problems("{\"schema\": 1, \"snippets\": [" + "{\"x\": ".repeat(5000));
        assertTrue(p.size() == 1 && p.get(0).contains("nesting depth"), p.toString());
        // a string over the limit, in a field that is read and in one that is not
        String huge = "a".repeat(20_000_001);
        p = problems("{\"schema\": 1, \"isolation\": \"" + huge + "\"}");
        assertTrue(p.size() == 1 && p.get(0).matches("1: invalid results JSON: String value length \\(\\d+\\) exceeds the maximum allowed \\(20000000.*"), p.toString());
        Path unread = tmp.resolve("unread.json");
        Files.writeString(unread, "{\"schema\": 1, \"unread\": \"" + huge + "\", \"host\": {\"key\": \"k\", \"os\": \"linux\", \"arch\": \"amd64\"}, \"finished\": \"2026-11-20T10:00:00Z\"}", StandardCharsets.UTF_8);
        assertEquals("k", ResultStore.read(unread).host().key(), "a field nobody reads is skipped, not kept");
        // a field name over jackson's limit
        p = problems("{\"" + "n".repeat(60_000) + "\": 1}");
        assertTrue(p.size() == 1 && p.get(0).contains("Name length"), p.toString());
        // not UTF-8
        Path f = tmp.resolve("bad.json");
        Files.write(f, new byte[] {'{', '"', 's', (byte) 0xC3, '"', ':', '1', '}'});
        assertRefused(f, f + ":1: not UTF-8 text (results files are UTF-8)");
    }

    /**
     * What the site reads of a run and of a result without looking (the host's key, when the run finished, what a
     * result is matched by, a result's own date) is required: absent or unreadable, it was a stack trace of the build.
     */
    @Test
    void whatTheSiteReadsWithoutLookingIsRequired() throws Exception {
        String run = "{\"schema\": 1, \"finished\": \"2026-11-20T10:00:00Z\",\n \"host\": %s,\n \"snippets\": [%s]}";
        String host = "{\"key\": \"k\", \"os\": \"linux\", \"arch\": \"amd64\"}";
        String ok = "{\"guide\": \"g\", \"locale\": \"zh\", \"id\": \"s1\", \"hash\": \"h\", \"status\": \"passed\"}";
        assertEquals(List.of("1: \"host\" needs \"key\", \"arch\" (as check writes them)"),
                problems(String.format(run, "{\"os\": \"linux\"}", ok)));
        assertEquals(List.of("1: \"host\" needs \"key\" (as check writes them)"), problems(String.format(run, "{\"key\": \" \", \"os\": \"linux\", \"arch\": \"amd64\"}", ok)));
        assertEquals(List.of("1: \"finished\" must be an ISO-8601 instant such as 2026-11-30T12:00:00Z (absent)"),
                problems(String.format(run, host, ok).replace("\"finished\": \"2026-11-20T10:00:00Z\",", "")));
        assertEquals(List.of("1: \"finished\" must be an ISO-8601 instant such as 2026-11-30T12:00:00Z (found \"yesterday\\u000a\")"),
                problems(String.format(run, host, ok).replace("2026-11-20T10:00:00Z", "yesterday\\n")));
        assertEquals(List.of("3: a snippet result needs \"guide\", \"hash\" (as check writes them)"),
                problems(String.format(run, host, "{\"locale\": \"zh\", \"id\": \"s1\", \"status\": \"passed\"}")));
        assertEquals(List.of("3: \"ranAt\" must be an ISO-8601 instant such as 2026-11-30T12:00:00Z (found \"soon\")"),
                problems(String.format(run, host, ok.replace("}", ", \"ranAt\": \"soon\"}"))));
        // a value of the wrong type is its problem only, not also an absent one
        assertEquals(List.of("3: \"guide\" must be a string (found a whole number)"),
                problems(String.format(run, host, ok.replace("\"g\"", "7"))));
        // a run of another schema is that one problem, whatever its fields are
        assertEquals(List.of("1: not a results file of schema 1"),
                problems("{\"schema\": 2, \"host\": {\"key\": 5}, \"finished\": [], \"snippets\": {\"a\": 1}}").stream().map(p -> p.replaceFirst("^\\d+", "1")).toList());
        // a message quotes at most 80 characters of a value, control characters escaped
        List<String> p = problems(String.format(run, host, ok.replace("\"passed\"", "\"" + "x".repeat(1_000_000) + "\"")));
        assertEquals(List.of("3: unknown status \"" + "x".repeat(80) + "…\" (allowed: passed, failed, skipped, error)"), p);
        // a file over the limit is not read at all (a sparse file: its size, not its bytes)
        Path big = tmp.resolve("big.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ResultStore.MAX_BYTES + 1);
        }
        assertRefused(big, big + ":1: a results file of 67108865 bytes (at most 67108864 bytes, 64 MB)");
    }

    /** The field names the reader knows are the ones the writer writes, in its order: a renamed field cannot drift. */
    @Test
    void theReaderKnowsTheFieldsTheWriterWrites() throws Exception {
        for (HostRun run : runs(5)) {
            if (run.host() == null) continue; // the run without a host, written as null
            com.fasterxml.jackson.databind.JsonNode tree = DATABIND.readTree(ResultsWriter.run(run));
            assertEquals(ResultsReader.RUN_FIELDS, names(tree));
            assertEquals(ResultsReader.HOST_FIELDS, names(tree.get("host")));
            for (com.fasterxml.jackson.databind.JsonNode snippet : tree.get("snippets")) assertEquals(ResultsReader.SNIPPET_FIELDS, names(snippet));
        }
    }

    private static List<String> names(com.fasterxml.jackson.databind.JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** {@code f} is refused with this one problem, by {@code loadAll} (no run) and by {@code read} (its message). */
    private static void assertRefused(Path f, String problem) throws IOException {
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of(), ResultStore.loadAll(List.of(f), problems));
        assertEquals(List.of(problem), problems.stream().map(Problem::toString).toList());
        IOException e = assertThrows(IOException.class, () -> ResultStore.read(f));
        assertEquals(problem, e.getMessage());
    }
}
