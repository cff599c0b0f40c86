package org.goguides.checks.report;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.goguides.checks.model.Problem;
import org.goguides.checks.model.SourcePos;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * {@code --format=jsonl}: one JSON object per line for other CI systems. Each has an {@code event}:
 * {@code authoring-error}, {@code drift}, {@code warning} ({@code file}, {@code line}, {@code message}),
 * {@code result} (one per step and host: {@code host}, {@code guide}, {@code locale}, {@code id},
 * {@code file}, {@code line}, {@code status}, {@code reason}, {@code durationMs}, {@code diff}) and
 * {@code summary} (per host: counts by status).
 */
final class JsonLinesReporter implements CheckEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;

    JsonLinesReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void authoringErrors(List<Problem> problems) {
        problems.forEach(p -> place("authoring-error", p));
    }

    @Override
    public void drift(List<Problem> problems) {
        problems.forEach(p -> place("drift", p));
    }

    @Override
    public void warning(SourcePos where, String title, String message) {
        Map<String, Object> e = event("warning");
        e.put("file", where.path());
        e.put("line", where.line());
        e.put("title", title);
        e.put("message", message);
        print(e);
    }

    @Override
    public void hostRun(HostRun run) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Status s : List.of(Status.PASSED, Status.FAILED, Status.ERROR, Status.SKIPPED)) counts.put(s.id(), 0);
        for (SnippetResult r : run.snippets()) {
            counts.merge(r.status().id(), 1, Integer::sum);
            Map<String, Object> e = event("result");
            e.put("host", run.host().key());
            e.put("guide", r.guide());
            e.put("locale", r.locale());
            e.put("id", r.id());
            e.put("file", r.source());
            e.put("line", r.line());
            e.put("status", r.status().id());
            e.put("reason", r.reason() == null ? "" : r.reason());
            e.put("durationMs", r.durationMs());
            e.put("diff", r.diff() == null ? "" : r.diff());
            print(e);
        }
        Map<String, Object> s = event("summary");
        s.put("host", run.host().key());
        s.put("isolation", run.isolation());
        s.putAll(counts);
        print(s);
    }

    private void place(String kind, Problem p) {
        Map<String, Object> e = event(kind);
        e.put("file", p.pos().path());
        e.put("line", p.pos().line());
        e.put("message", p.message());
        print(e);
    }

    private static Map<String, Object> event(String kind) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", kind);
        return e;
    }

    private void print(Map<String, Object> e) {
        try {
            out.println(JSON.writeValueAsString(e));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }
}
