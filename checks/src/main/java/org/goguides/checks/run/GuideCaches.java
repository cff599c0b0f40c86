package org.goguides.checks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;

/**
 * The Go build and module caches of each guide, kept between runs so a warm run stays fast, and keyed by
 * the guide's exact steps: a cache belongs to one version of one guide (slug, language and the hash of
 * every step). Whatever a snippet writes there (a rewritten build-cache entry, a changed module) is seen
 * only by later runs of that same text, never by another guide nor by a changed version of its own: a
 * pull request that edits a guide gets a fresh cache. The sandbox shows each session only its guide's
 * cache (the runner's cache folder itself is hidden). When a guide's steps change, its older caches go.
 */
public final class GuideCaches {
    private GuideCaches() {
    }

    /** The cache folder for {@code guide} under {@code cacheDir}, created (and handed to {@code ownerUid}, unless -1). */
    public static synchronized Path of(Path cacheDir, Guide guide, int ownerUid) throws IOException {
        Path all = cacheDir.resolve("guides");
        Files.createDirectories(all);
        if (ownerUid >= 0) Files.setPosixFilePermissions(all, PosixFilePermissions.fromString("rwx--x--x"));
        String prefix = (guide.slug() + "-" + guide.locale()).replaceAll("[^A-Za-z0-9._-]", "_") + "-";
        Path mine = all.resolve(prefix + key(guide));
        try (Stream<Path> s = Files.list(all)) {
            // the caches of this guide's earlier versions: nothing will use them again
            for (Path old : s.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.equals(mine)).toList()) {
                if (old.getFileName().toString().substring(prefix.length()).matches("[0-9a-f]{64}")) Trees.deleteQuietly(old);
            }
        }
        if (Files.isSymbolicLink(mine)) throw new IOException(mine + " is a link; the runner's caches are its own");
        if (!Files.isDirectory(mine, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(mine);
            if (ownerUid >= 0) Files.setAttribute(mine, "unix:uid", ownerUid, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rwx------"));
        }
        return mine;
    }

    /** The hash of every step of the guide, in order. */
    static String key(Guide guide) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            List<Snippet> steps = guide.snippets();
            for (Snippet s : steps) d.update((s.id() + "\0" + s.hash() + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
