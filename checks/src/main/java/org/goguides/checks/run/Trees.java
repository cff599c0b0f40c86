package org.goguides.checks.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Removes the runner's temporary folders (sessions, work roots, probes). Best effort: folders are made
 * writable first, since Go's module cache and overlay work folders leave read-only entries behind. A
 * session is written by snippets, so nothing here follows a link: links are removed as links, only real
 * folders (never a link's target) have their permissions changed, and the walk never leaves the tree.
 */
public final class Trees {
    private static final Set<PosixFilePermission> OWNER_ALL = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private Trees() {
    }

    /** Deletes {@code dir} and everything in it, ignoring what cannot be deleted. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    // walkFileTree does not follow links: d is a real folder; make it listable and writable
                    if (attrs.isDirectory() && !attrs.isSymbolicLink()) ownerAll(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    // a folder closed to its owner (chmod 000) cannot even be listed, so it is opened first, then removed
                    // (the walk reads a folder before preVisitDirectory, so it lands here); never through a link
                    if (e instanceof java.nio.file.AccessDeniedException && Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)
                            && opened(f)) {
                        deleteQuietly(f);
                    } else {
                        delete(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            // already gone, or a temporary folder the system cleans
        }
    }

    /**
     * Whether the real folder {@code d} could be made listable (it was closed: opening it again would loop). The JDK
     * changes permissions without following a link by opening the entry, which a folder closed to its owner refuses
     * to anyone but root; then the folder, checked just before not to be a link, gets its mode by path. Nothing can
     * put a link in its place meanwhile: a session is removed after its commands ended (the sandbox's PID namespace
     * takes every process with it), and without a sandbox a snippet already runs as the runner's own user.
     */
    private static boolean opened(Path d) {
        ownerAll(d);
        if (!(Files.isReadable(d) && Files.isExecutable(d))) {
            try {
                if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                    Set<PosixFilePermission> p = Files.getPosixFilePermissions(d, LinkOption.NOFOLLOW_LINKS);
                    p.addAll(OWNER_ALL);
                    Files.setPosixFilePermissions(d, p);
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return Files.isReadable(d) && Files.isExecutable(d);
    }

    private static void ownerAll(Path d) {
        try {
            PosixFileAttributeView v = Files.getFileAttributeView(d, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> p = v.readAttributes().permissions();
            if (!p.containsAll(OWNER_ALL)) {
                p.addAll(OWNER_ALL);
                v.setPermissions(p); // with NOFOLLOW_LINKS: fails on a link rather than changing its target
            }
        } catch (IOException | RuntimeException e) {
            // not ours to change: deleting below fails quietly
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // left for the system's temporary-folder cleaning
        }
    }
}
