package org.goguides.site.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a whole site at once: pages and assets go to a folder beside the output, which replaces
 * the output only when everything was written. A failed build leaves the previous site in place.
 */
public final class SiteWriter {
    private SiteWriter() {
    }

    /**
     * @param pages path inside the site (e.g. {@code en/go/index.html}) to HTML
     * @param assets a folder copied to {@code assets/}, or null
     */
    public static void write(Path out, Map<String, String> pages, Map<String, byte[]> files, Path assets) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".new-");
        try {
            for (Map.Entry<String, String> e : pages.entrySet()) {
                Path f = tmp.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path f = tmp.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            if (assets != null && Files.isDirectory(assets)) copyTree(assets, tmp.resolve("assets"));
            Path old = null;
            if (Files.exists(abs)) {
                old = abs.resolveSibling("." + abs.getFileName() + ".old-" + ProcessHandle.current().pid());
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            if (old != null) delete(old);
        } finally {
            if (tmp != null) delete(tmp);
        }
    }

    /**
     * Opens a site folder to be written page by page (from several threads) beside {@code out};
     * {@link Staged#commit()} puts it in place of {@code out}, {@link Staged#close()} without commit discards it.
     */
    public static Staged stage(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        return new Staged(abs, Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".new-"));
    }

    /** A site being written into a folder beside the output; nothing shows until {@link #commit()}. */
    public static final class Staged implements AutoCloseable {
        private final Path out;
        private Path tmp;

        private Staged(Path out, Path tmp) {
            this.out = out;
            this.tmp = tmp;
        }

        /** Writes a page (UTF-8) or other file at its path inside the site. */
        public void write(String path, String html) throws IOException {
            write(path, html.getBytes(StandardCharsets.UTF_8));
        }

        public void write(String path, byte[] content) throws IOException {
            Path f = tmp.resolve(path);
            Path dir = f.getParent();
            if (!Files.isDirectory(dir)) Files.createDirectories(dir);
            Files.write(f, content);
        }

        /** Replaces the output folder with what was written. */
        public void commit() throws IOException {
            Path old = null;
            if (Files.exists(out)) {
                old = out.resolveSibling("." + out.getFileName() + ".old-" + ProcessHandle.current().pid());
                Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            if (old != null) delete(old);
        }

        /** Discards what was written unless committed. */
        @Override
        public void close() throws IOException {
            if (tmp != null) delete(tmp);
            tmp = null;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
