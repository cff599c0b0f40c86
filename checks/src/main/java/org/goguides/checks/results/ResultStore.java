package org.goguides.checks.results;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.goguides.checks.model.Problem;

/**
 * Reads and writes results files: one JSON file per host in a results folder. Writing is atomic
 * (a reader never sees half a file); reading collects problems instead of failing, and is strict about
 * types ({@link ResultsReader}: a results file comes from another host).
 */
public final class ResultStore {
    private ResultStore() {
    }

    /** How many runs per host {@link #write} keeps under {@code history/}. */
    public static final int HISTORY = 10;

    /**
     * Writes {@code run} as {@code <dir>/<host key>.json}, keeps a copy in
     * {@code <dir>/history/<host key>/} (the last {@value #HISTORY} runs, for flaky steps) and returns the file.
     */
    public static Path write(Path dir, HostRun run) throws IOException {
        byte[] json = ResultsWriter.run(run);
        Path target = writeAtomically(dir, run.host().key() + ".json", json);
        Path hist = dir.resolve("history").resolve(run.host().key());
        writeAtomically(hist, run.finished().replace(":", "") + ".json", json);
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

    /** Several runs as one JSON document (UTF-8), the form {@link #writeMerged} writes. */
    public static byte[] mergedJson(List<HostRun> runs) {
        return ResultsWriter.merged(runs);
    }

    /** Writes several runs as one file ({@code {"schema":1,"runs":[…]}}), as the site publishes them. */
    public static void writeMerged(Path file, List<HostRun> runs) throws IOException {
        writeAtomically(file.toAbsolutePath().getParent(), file.getFileName().toString(), ResultsWriter.merged(runs));
    }

    private static Path writeAtomically(Path dir, String name, byte[] utf8Json) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, ".results-", ".tmp");
        try {
            Files.write(tmp, utf8Json);
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

    /**
     * One results file, the single-run form (a merged file reads as a run without a host); a problem is an
     * {@link IOException} whose message is {@code path:line: …}, e.g. {@code unknown status "x" (allowed: …)}.
     */
    public static HostRun read(Path file) throws IOException {
        Problem big = tooLarge(file);
        if (big != null) throw new IOException(big.toString());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(notUtf8(file).toString(), e);
        }
        return ResultsReader.run(file.toString(), text);
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
                    Problem big = tooLarge(f);
                    if (big != null) {
                        problems.add(big);
                        continue;
                    }
                    runs.addAll(ResultsReader.runs(f.toString(), Files.readString(f, StandardCharsets.UTF_8), problems));
                } catch (CharacterCodingException e) {
                    problems.add(notUtf8(f));
                } catch (IOException e) {
                    problems.add(Problem.at(f.toString(), 1, "cannot read results: " + e.getMessage()));
                }
            }
        }
        return runs;
    }

    /**
     * The largest results file read, far above what {@code check} writes (its outputs are capped: the 5,000-page
     * bench's results of 11,245 snippets are 3.5 MB): a results file comes from another host, and a larger one would
     * be read whole into memory.
     */
    static final long MAX_BYTES = 64L << 20;

    /** The problem of a results file over {@link #MAX_BYTES}, which is then not read; else null. */
    private static Problem tooLarge(Path f) throws IOException {
        long size = Files.size(f);
        if (size <= MAX_BYTES) return null;
        return Problem.at(f.toString(), 1, "a results file of " + size + " bytes (at most " + MAX_BYTES + " bytes, " + (MAX_BYTES >> 20) + " MB)");
    }

    private static Problem notUtf8(Path file) {
        return Problem.at(file.toString(), 1, "not UTF-8 text (results files are UTF-8)");
    }
}
