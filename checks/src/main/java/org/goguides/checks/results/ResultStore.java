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

    /** Writes {@code run} as {@code <dir>/<host key>.json} and returns the file. */
    public static Path write(Path dir, HostRun run) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(run.host().key() + ".json");
        Path tmp = Files.createTempFile(dir, ".results-", ".tmp");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(run));
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

    public static HostRun read(Path file) throws IOException {
        return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), HostRun.class);
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
                    HostRun run = read(f);
                    if (run.schema() != HostRun.SCHEMA || run.host() == null) {
                        problems.add(Problem.at(f.toString(), 1, "not a results file of schema " + HostRun.SCHEMA));
                    } else {
                        runs.add(run);
                    }
                } catch (JsonProcessingException e) {
                    int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
                    problems.add(Problem.at(f.toString(), line, "invalid results JSON: " + e.getOriginalMessage()));
                } catch (IOException e) {
                    problems.add(Problem.at(f.toString(), 1, "cannot read results: " + e.getMessage()));
                }
            }
        }
        return runs;
    }

    public static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
