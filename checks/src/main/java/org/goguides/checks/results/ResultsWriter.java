package org.goguides.checks.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes results files (checks/DESIGN.md §3) as UTF-8 on jackson-core's streaming generator: the bytes jackson-databind
 * wrote with its indented output (the same pretty printer, the fields in the order below, nulls written as
 * {@code null}), without databind's cost on a JVM's first call. Published {@code results/all.json} files and their
 * badges stay byte for byte what they were (ResultsJsonTest compares with databind).
 */
final class ResultsWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private ResultsWriter() {
    }

    /** One run, the single-run form. */
    static byte[] run(HostRun run) {
        return write(run.snippets().size(), g -> run(g, run));
    }

    /** Several runs as {@code {"schema":1,"runs":[…]}}, schema first. */
    static byte[] merged(List<HostRun> runs) {
        int snippets = runs.stream().mapToInt(r -> r.snippets().size()).sum();
        return write(snippets, g -> {
            g.writeStartObject();
            g.writeNumberField("schema", HostRun.SCHEMA);
            g.writeArrayFieldStart("runs");
            for (HostRun r : runs) run(g, r);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(int snippets, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 512 * snippets);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toByteArray();
    }

    /** The fields in the order of {@link ResultsReader#RUN_FIELDS}. */
    private static void run(JsonGenerator g, HostRun run) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schema", run.schema());
        g.writeFieldName("host");
        if (run.host() == null) g.writeNull();
        else host(g, run.host());
        string(g, "isolation", run.isolation());
        string(g, "started", run.started());
        string(g, "finished", run.finished());
        g.writeArrayFieldStart("snippets");
        for (SnippetResult r : run.snippets()) snippet(g, r);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The fields in the order of {@link ResultsReader#HOST_FIELDS}. */
    private static void host(JsonGenerator g, HostInfo h) throws IOException {
        g.writeStartObject();
        string(g, "key", h.key());
        string(g, "os", h.os());
        string(g, "arch", h.arch());
        g.writeBooleanField("wsl", h.wsl());
        g.writeNumberField("wslVersion", h.wslVersion());
        string(g, "distro", h.distro());
        string(g, "kernel", h.kernel());
        string(g, "go", h.go());
        g.writeBooleanField("online", h.online());
        g.writeBooleanField("rosetta", h.rosetta());
        g.writeEndObject();
    }

    /** The fields in the order of {@link ResultsReader#SNIPPET_FIELDS}; the status lower-case ({@link Status#id()}). */
    private static void snippet(JsonGenerator g, SnippetResult r) throws IOException {
        g.writeStartObject();
        string(g, "guide", r.guide());
        string(g, "locale", r.locale());
        string(g, "id", r.id());
        string(g, "lang", r.lang());
        string(g, "source", r.source());
        g.writeNumberField("line", r.line());
        string(g, "hash", r.hash());
        string(g, "status", r.status().id());
        string(g, "reason", r.reason());
        g.writeNumberField("exit", r.exit());
        g.writeNumberField("durationMs", r.durationMs());
        string(g, "output", r.output());
        string(g, "diff", r.diff());
        string(g, "ranAt", r.ranAt());
        g.writeEndObject();
    }

    /** A string field; a null value is written as {@code null}, as databind did. */
    private static void string(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) g.writeNull();
        else g.writeString(value);
    }
}
