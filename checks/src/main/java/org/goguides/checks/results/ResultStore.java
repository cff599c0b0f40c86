package org.goguides.checks.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.goguides.checks.model.Problem;

/**
 * Reads and writes results files: one JSON file per host in a results folder. Writing is atomic
 * (a reader never sees half a file); reading collects problems instead of failing.
 */
public final class ResultStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultStore() {
    }

    /** How many runs per host {@link #write} keeps under {@code history/}. */
    public static final int HISTORY = 10;

    /**
     * Writes {@code run} as {@code <dir>/<host key>.json}, keeps a copy in
     * {@code <dir>/history/<host key>/} (the last {@value #HISTORY} runs, for flaky steps) and returns the file.
     */
    public static Path write(Path dir, HostRun run) throws IOException {
        Path target = writeAtomically(dir, run.host().key() + ".json", run);
        Path hist = dir.resolve("history").resolve(run.host().key());
        writeAtomically(hist, run.finished().replace(":", "") + ".json", run);
        try (Stream<Path> s = Files.list(hist)) {
            List<Path> old = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            for (int i = 0; i < old.size() - HISTORY; i++) Files.deleteIfExists(old.get(i));
        }
        return target;
    }

    /** Every host's kept runs, oldest first, from the {@code history/} folders of the given results folders. */
    public static List<HostRun> history(List<Path> locations, List<Problem> problems) {
        List<Path> dirs = new ArrayList<>();
        for (Path loc : locations) {
            Path h = loc.resolve("history");
            if (!Files.isDirectory(h)) continue;
            try (Stream<Path> s = Files.list(h)) {
                s.filter(Files::isDirectory).sorted().forEach(dirs::add);
            } catch (IOException e) {
                problems.add(Problem.at(h.toString(), 1, "cannot list history: " + e.getMessage()));
            }
        }
        return loadAll(dirs, problems);
    }

    /** Several runs as one JSON document, the form {@link #writeMerged} writes. */
    public static byte[] mergedJson(List<HostRun> runs) {
        try {
            return JSON.writeValueAsBytes(merged(runs));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes several runs as one file ({@code {"schema":1,"runs":[…]}}), as the site publishes them. */
    public static void writeMerged(Path file, List<HostRun> runs) throws IOException {
        writeAtomically(file.toAbsolutePath().getParent(), file.getFileName().toString(),
                merged(runs));
    }

    /** {@code {"schema":1,"runs":[…]}} in this order (Map.of's order changes from one JVM to the next). */
    private static java.util.Map<String, Object> merged(List<HostRun> runs) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("schema", HostRun.SCHEMA);
        m.put("runs", runs);
        return m;
    }

    private static Path writeAtomically(Path dir, String name, Object value) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, ".results-", ".tmp");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(value));
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** One results file; an unknown status is an {@link IOException} saying {@code path:line: unknown status "x" (allowed: …)}. */
    public static HostRun read(Path file) throws IOException {
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), HostRun.class);
        } catch (JsonProcessingException e) {
            Status.Unknown unknown = unknownStatus(e);
            if (unknown == null) throw e;
            throw new IOException(Problem.at(file.toString(), statusLine(file, unknown.id()), unknown.getMessage()).toString(), e);
        }
    }

    /** Every {@code *.json} in the given folders (or files); unreadable files become problems. */
    public static List<HostRun> loadAll(List<Path> locations, List<Problem> problems) {
        List<HostRun> runs = new ArrayList<>();
        for (Path loc : locations) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(loc)) {
                try (Stream<Path> s = Files.list(loc)) {
                    s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
                } catch (IOException e) {
                    problems.add(Problem.at(loc.toString(), 1, "cannot list results: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(loc)) {
                files.add(loc);
            }
            for (Path f : files) {
                try {
                    com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
                    List<HostRun> found = new ArrayList<>();
                    if (tree.has("runs")) {
                        for (com.fasterxml.jackson.databind.JsonNode r : tree.get("runs")) found.add(JSON.treeToValue(r, HostRun.class));
                    } else {
                        found.add(JSON.treeToValue(tree, HostRun.class));
                    }
                    for (HostRun run : found) {
                        if (run.schema() != HostRun.SCHEMA || run.host() == null) {
                            problems.add(Problem.at(f.toString(), 1, "not a results file of schema " + HostRun.SCHEMA));
                        } else {
                            runs.add(run);
                        }
                    }
                } catch (JsonProcessingException e) {
                    Status.Unknown unknown = unknownStatus(e);
                    if (unknown != null) {
                        problems.add(Problem.at(f.toString(), statusLine(f, unknown.id()), unknown.getMessage()));
                        continue;
                    }
                    int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
                    problems.add(Problem.at(f.toString(), line, "invalid results JSON: " + e.getOriginalMessage()));
                } catch (IOException e) {
                    problems.add(Problem.at(f.toString(), 1, "cannot read results: " + e.getMessage()));
                }
            }
        }
        return runs;
    }

    /** The unknown status a results file's reading failed on, or null when it failed on something else. */
    private static Status.Unknown unknownStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof Status.Unknown u) return u;
        return null;
    }

    /** The line of the first {@code "status": "<id>"} in a file (its tree lost the places), else 1. */
    private static int statusLine(Path f, String id) {
        if (id == null) return 1;
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"status\"\\s*:\\s*\"" + java.util.regex.Pattern.quote(id) + "\"").matcher(text);
            if (!m.find()) return 1;
            return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        } catch (IOException e) {
            return 1;
        }
    }

}
