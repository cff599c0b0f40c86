package org.goguides.checks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the runner's temporary folders (sessions, work roots, probes). Best effort: files are made
 * writable first, since Go's module cache and overlay work folders leave read-only entries behind.
 */
public final class Trees {
    private Trees() {
    }

    /** Deletes {@code dir} and everything in it, ignoring what cannot be deleted. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                p.toFile().delete();
            });
        } catch (IOException | RuntimeException e) {
            // already gone, or a temporary folder the system cleans
        }
    }
}
