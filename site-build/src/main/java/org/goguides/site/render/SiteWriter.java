package org.goguides.site.render;

import org.goguides.site.view.BuildException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes a site into a folder beside the output, which replaces the output only when everything was
 * written. A failed build leaves the previous site in place.
 */
public final class SiteWriter {
    private SiteWriter() {
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
        /** Per content written by {@link #writeShared}, the file that holds it. */
        private final Map<ByteBuffer, Path> shared = new ConcurrentHashMap<>();

        private Staged(Path out, Path tmp) {
            this.out = out;
            this.tmp = tmp;
        }

        /**
         * Writes a page (its UTF-8 bytes) or other file at its path inside the site. Each path is written once: a
         * second write is refused, as it would be a bug, and would change every name of a {@link #writeShared} file.
         */
        public void write(String path, byte[] content) throws IOException {
            Path f = target(path);
            Files.write(f, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        /**
         * Writes a small file whose content many paths of the site repeat (a guide's README badges: a site of a
         * thousand guides has a handful of different ones): the first path with a content is written, the others
         * are hard links to it. A hard link makes no new inode, and making inodes is what costs on a file system
         * that, on each one, steps over the inodes deleted in the last seconds (ext4 without a journal, after the
         * previous output was deleted). Where a link cannot be made (no hard links, too many), the file is written.
         * A path is written once: a second write to it is refused, since it would change every linked path.
         */
        public void writeShared(String path, byte[] content) throws IOException {
            Path f = target(path);
            ByteBuffer key = ByteBuffer.wrap(content);
            Path first = shared.get(key);
            if (first != null) {
                try {
                    Files.createLink(f, first);
                    return;
                } catch (UnsupportedOperationException | FileSystemException e) {
                    if (Files.exists(f)) throw e; // written before: refused, as below
                    // no link here: written instead, and the next paths linked to this one
                }
            }
            Files.write(f, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (first == null) shared.putIfAbsent(key, f);
            else shared.put(key, f);
        }

        /** Writes a file made of {@code parts}, one after the other, without joining them first. */
        public void write(String path, List<byte[]> parts) throws IOException {
            Path f = target(path);
            // buffered: the small parts (commas, brackets) are gathered, the large ones go straight through
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                for (byte[] p : parts) o.write(p);
            }
        }

        /** The file of {@code path} inside the staged folder ({@link #inside}), its folder made. */
        private Path target(String path) throws IOException {
            Path f = inside(tmp, path);
            Path dir = f.getParent();
            if (!Files.isDirectory(dir)) Files.createDirectories(dir);
            return f;
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

    /**
     * {@code path} resolved in {@code root}, checked after normalisation to stay inside it: paths are made
     * from content (languages, slugs), which the loader already restricts; this is the last guard.
     */
    static Path inside(Path root, String path) {
        Path f = path.isEmpty() || path.indexOf('\0') >= 0 ? root : root.resolve(path).normalize();
        if (!f.startsWith(root.normalize()) || f.equals(root.normalize())) {
            throw new BuildException("refusing to write \"" + path.replaceAll("\\p{Cntrl}", "?") + "\" outside the output folder");
        }
        return f;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
