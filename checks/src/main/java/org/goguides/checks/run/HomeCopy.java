package org.goguides.checks.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Copies a session's HOME into another, for a guide that starts where an earlier one ended
 * ({@code after:}): files with their permissions and times, symbolic links as links (never followed,
 * so a link a snippet left cannot make the runner copy something outside the session).
 */
final class HomeCopy {
    private HomeCopy() {
    }

    static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                else if (attrs.isRegularFile()) Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE; // sockets and pipes are not state a reader carries over
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                Path target = to.resolve(from.relativize(dir).toString());
                try {
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: default permissions
                }
                FileTime t = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS);
                Files.setLastModifiedTime(target, t);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Hands every entry under {@code dir} (links as links) to the host user {@code uid}, the sandbox's. */
    static void handOver(Path dir, int uid) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.setAttribute(d, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.setAttribute(f, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
