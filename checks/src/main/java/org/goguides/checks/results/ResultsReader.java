package org.goguides.checks.results;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import org.goguides.checks.model.Problem;

/**
 * Reads the text of a results file (checks/DESIGN.md §3) into the records, on jackson-core's streaming parser:
 * jackson-databind did the same at four times the CPU on a JVM's first call (about 200 ms against 45 ms for the
 * 1,000-page bench's results), which every build waited for before its first page. A results file comes from another host, so it is read strictly ({@link StrictJson}): every field
 * has its type, unknown fields are skipped, absent ones take the records' defaults (null, 0, false), and any problem
 * leaves the whole file unused.
 */
final class ResultsReader {
    /**
     * Limits well above what {@code check} writes (four levels of nesting, numbers of at most 19 digits, outputs
     * capped far below 20 MB), so that a hostile file is an error rather than a long wait or an exhausted memory.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(100).maxNumberLength(100).maxStringLength(20_000_000).build())
            .build();

    static final List<String> RUN_FIELDS = List.of("schema", "host", "isolation", "started", "finished", "snippets");
    private static final List<String> MERGED_FIELDS = List.of("schema", "host", "isolation", "started", "finished", "snippets", "runs");
    static final List<String> HOST_FIELDS = List.of("key", "os", "arch", "wsl", "wslVersion", "distro", "kernel", "go", "online", "rosetta");
    static final List<String> SNIPPET_FIELDS = List.of("guide", "locale", "id", "lang", "source", "line", "hash", "status",
            "reason", "exit", "durationMs", "output", "diff", "ranAt");

    private final StrictJson json;
    /** The runs read and the line each starts on, for the problems of {@link #runs}. */
    private final List<HostRun> runs = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();

    private ResultsReader(StrictJson json) {
        this.json = json;
    }

    /**
     * The runs of a results file, the single-run form or the merged one ({@code {"schema":1,"runs":[…]}}): none when
     * the file has a problem (added to {@code problems}), and a run not of schema {@value HostRun#SCHEMA} or without
     * its host is a problem of its own, left out.
     */
    static List<HostRun> runs(String path, String text, List<Problem> problems) {
        ResultsReader r = read(path, text, true);
        if (!r.json.problems().isEmpty()) {
            problems.addAll(r.json.problems());
            return List.of();
        }
        List<HostRun> ok = new ArrayList<>();
        for (int i = 0; i < r.runs.size(); i++) {
            HostRun run = r.runs.get(i);
            if (run.schema() != HostRun.SCHEMA || run.host() == null) {
                problems.add(Problem.at(path, r.lines.get(i), "not a results file of schema " + HostRun.SCHEMA));
            } else {
                ok.add(run);
            }
        }
        return ok;
    }

    /**
     * One run, the single-run form, as it is (its schema and host unchecked: a merged file reads as a run without a
     * host); a problem is an {@link IOException} whose message is the problems, one {@code path:line: …} a line.
     */
    static HostRun run(String path, String text) throws IOException {
        ResultsReader r = read(path, text, false);
        List<Problem> problems = r.json.problems();
        if (!problems.isEmpty()) {
            throw new IOException(String.join("\n", problems.stream().map(Problem::toString).toList()));
        }
        return r.runs.get(0);
    }

    /** Reads the whole text; {@code merged}: whether a top-level {@code runs} holds the runs. */
    private static ResultsReader read(String path, String text, boolean merged) {
        JsonParser p;
        try {
            p = JSON.createParser(text);
        } catch (IOException e) {
            throw new IllegalStateException("a parser over a string", e);
        }
        ResultsReader r = new ResultsReader(new StrictJson(path, p));
        try (p) {
            r.document(merged);
        } catch (StrictJson.TooMany e) {
            r.json.problems().add(Problem.at(path, r.json.line(), "reading stopped after " + StrictJson.MAX_PROBLEMS + " problems"));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? r.json.line() : Math.max(1, e.getLocation().getLineNr());
            r.json.problems().add(Problem.at(path, line, "invalid results JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string", e);
        }
        return r;
    }

    private void document(boolean merged) throws IOException {
        JsonToken t = json.next();
        if (t == null) {
            json.problem(1, "invalid results JSON: the file is empty (a results file is one JSON object)");
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            json.problem(json.line(), "a results file must be a JSON object (found " + StrictJson.found(t) + ")");
            return;
        }
        top(merged);
        if (json.next() != null) json.problem(json.line(), "invalid results JSON: more after the results object (one JSON object per file)");
    }

    /** The top-level object: a run, or with {@code merged} and a {@code runs} field, a merged file's runs. */
    private void top(boolean merged) throws IOException {
        int line = json.line();
        Run run = new Run();
        boolean hasRuns = false;
        StrictJson.Fields f = json.fields(merged ? MERGED_FIELDS : RUN_FIELDS);
        for (String name; (name = f.next()) != null; ) {
            if (name.equals("runs")) {
                hasRuns = true;
                runList();
            } else {
                run.field(name);
            }
        }
        if (!hasRuns) {
            add(run, line);
        } else if (run.schemaLine > 0 && run.schema != HostRun.SCHEMA) {
            json.problem(run.schemaLine, "not a results file of schema " + HostRun.SCHEMA);
        }
    }

    private void runList() throws IOException {
        if (json.token() != JsonToken.START_ARRAY) {
            json.wrongType("runs", "an array of runs");
            return;
        }
        for (JsonToken t; (t = json.next()) != JsonToken.END_ARRAY && t != null; ) {
            if (t != JsonToken.START_OBJECT) {
                json.problem(json.line(), "each of \"runs\" must be an object (found " + StrictJson.found(t) + ")");
                json.skipValue();
                continue;
            }
            int line = json.line();
            Run run = new Run();
            StrictJson.Fields f = json.fields(RUN_FIELDS);
            for (String name; (name = f.next()) != null; ) run.field(name);
            add(run, line);
        }
    }

    private void add(Run read, int line) {
        HostRun run = read.build();
        // a field of the wrong type is already the run's problem, not also an absent one
        if (run.schema() == HostRun.SCHEMA && run.host() != null && json.problems().size() == read.problemsBefore) required(run, line);
        runs.add(run);
        lines.add(line);
    }

    /**
     * What the site reads of every run without looking: its host's key, system and architecture (a badge names the
     * host and its platform) and when it finished (badges are dated, runs ordered). Absent or unreadable, it was a build's stack trace; now the file's problem.
     */
    private void required(HostRun run, int line) {
        HostInfo h = run.host();
        List<String> missing = new ArrayList<>();
        if (h.key() == null || h.key().isBlank()) missing.add("\"key\"");
        if (h.os() == null || h.os().isBlank()) missing.add("\"os\"");
        if (h.arch() == null || h.arch().isBlank()) missing.add("\"arch\"");
        if (!missing.isEmpty()) json.problem(line, "\"host\" needs " + String.join(", ", missing) + " (as check writes them)");
        if (!instant(run.finished())) {
            json.problem(line, "\"finished\" must be an ISO-8601 instant such as 2026-11-30T12:00:00Z ("
                    + (run.finished() == null ? "absent" : "found " + StrictJson.quoted(run.finished())) + ")");
        }
    }

    /** Whether {@code s} is an instant as {@code check} writes them. */
    private static boolean instant(String s) {
        if (s == null) return false;
        try {
            java.time.Instant.parse(s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private HostInfo host() throws IOException {
        JsonToken t = json.token();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_OBJECT) {
            json.wrongType("host", "an object");
            return null;
        }
        String key = null, os = null, arch = null, distro = null, kernel = null, go = null;
        boolean wsl = false, online = false, rosetta = false;
        int wslVersion = 0;
        StrictJson.Fields f = json.fields(HOST_FIELDS);
        for (String name; (name = f.next()) != null; ) {
            switch (name) {
                case "key" -> key = json.string(name);
                case "os" -> os = json.string(name);
                case "arch" -> arch = json.string(name);
                case "wsl" -> wsl = json.bool(name);
                case "wslVersion" -> wslVersion = json.integer(name);
                case "distro" -> distro = json.string(name);
                case "kernel" -> kernel = json.string(name);
                case "go" -> go = json.string(name);
                case "online" -> online = json.bool(name);
                case "rosetta" -> rosetta = json.bool(name);
                default -> throw new IllegalStateException(name);
            }
        }
        return new HostInfo(key, os, arch, wsl, wslVersion, distro, kernel, go, online, rosetta);
    }

    /** The snippet results, or null after a problem. */
    private List<SnippetResult> snippets() throws IOException {
        JsonToken t = json.token();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) {
            json.wrongType("snippets", "an array of snippet results");
            return null;
        }
        List<SnippetResult> list = new ArrayList<>();
        while ((t = json.next()) != JsonToken.END_ARRAY && t != null) {
            if (t != JsonToken.START_OBJECT) {
                json.problem(json.line(), "each of \"snippets\" must be an object (found " + StrictJson.found(t) + ")");
                json.skipValue();
                continue;
            }
            SnippetResult r = snippet();
            if (r != null) list.add(r);
        }
        return list;
    }

    /** One snippet result, or null after a problem. */
    private SnippetResult snippet() throws IOException {
        int at = json.line();
        int problemsBefore = json.problems().size();
        String guide = null, locale = null, id = null, lang = null, source = null, hash = null, reason = null,
                output = null, diff = null, ranAt = null;
        int line = 0, exit = 0;
        long durationMs = 0;
        Status status = null;
        boolean statusGiven = false;
        StrictJson.Fields f = json.fields(SNIPPET_FIELDS);
        for (String name; (name = f.next()) != null; ) {
            switch (name) {
                case "guide" -> guide = json.string(name);
                case "locale" -> locale = json.string(name);
                case "id" -> id = json.string(name);
                case "lang" -> lang = json.string(name);
                case "source" -> source = json.string(name);
                case "line" -> line = json.integer(name);
                case "hash" -> hash = json.string(name);
                case "status" -> {
                    statusGiven = true;
                    status = status();
                }
                case "reason" -> reason = json.string(name);
                case "exit" -> exit = json.integer(name);
                case "durationMs" -> durationMs = json.longInteger(name);
                case "output" -> output = json.string(name);
                case "diff" -> diff = json.string(name);
                case "ranAt" -> ranAt = json.string(name);
                default -> throw new IllegalStateException(name);
            }
        }
        if (status == null) {
            // the line of the file, as before: the object's line would be better, but scripts may match this message
            if (!statusGiven) json.problem(1, new Status.Unknown(null).getMessage());
            return null;
        }
        if (json.problems().size() > problemsBefore) return null; // a field of the wrong type: that is its problem
        // what the site matches a result to a step by, and the date a badge shows
        List<String> missing = new ArrayList<>();
        if (guide == null) missing.add("\"guide\"");
        if (locale == null) missing.add("\"locale\"");
        if (id == null) missing.add("\"id\"");
        if (hash == null) missing.add("\"hash\"");
        if (!missing.isEmpty()) {
            json.problem(at, "a snippet result needs " + String.join(", ", missing) + " (as check writes them)");
            return null;
        }
        if (ranAt != null && !ranAt.isEmpty() && !instant(ranAt)) {
            json.problem(at, "\"ranAt\" must be an ISO-8601 instant such as 2026-11-30T12:00:00Z (found " + StrictJson.quoted(ranAt) + ")");
            return null;
        }
        return new SnippetResult(guide, locale, id, lang, source, line, hash, status, reason, exit, durationMs, output, diff, ranAt);
    }

    /** A snippet's status, or null after a problem: {@code unknown status "x" (allowed: …)} on the status's own line. */
    private Status status() throws IOException {
        JsonToken t = json.token();
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Status.of(json.string("status"));
            } catch (Status.Unknown e) {
                json.problem(json.line(), e.getMessage());
                return null;
            }
        }
        if (t == JsonToken.VALUE_NULL) {
            json.problem(json.line(), new Status.Unknown(null).getMessage());
        } else {
            json.wrongType("status", "one of " + Status.allowed());
        }
        return null;
    }

    /** The fields of one run as they are read. */
    private final class Run {
        /** The file's problems before this run was read. */
        final int problemsBefore = json.problems().size();
        int schema;
        int schemaLine;
        HostInfo host;
        String isolation, started, finished;
        List<SnippetResult> snippets;

        void field(String name) throws IOException {
            // a run of another schema is that one problem, not one per field whose type it changed
            if (schemaLine > 0 && schema != HostRun.SCHEMA) {
                json.skipValue();
                return;
            }
            switch (name) {
                case "schema" -> {
                    schemaLine = json.line();
                    schema = json.integer(name);
                }
                case "host" -> host = host();
                case "isolation" -> isolation = json.string(name);
                case "started" -> started = json.string(name);
                case "finished" -> finished = json.string(name);
                case "snippets" -> snippets = snippets();
                default -> throw new IllegalStateException(name);
            }
        }

        HostRun build() {
            return new HostRun(schema, host, isolation, started, finished, snippets);
        }
    }
}
