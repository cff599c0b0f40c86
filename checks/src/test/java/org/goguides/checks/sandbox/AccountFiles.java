package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host's account files in /etc, as host snapshots compare them. {@code .ci/run-unprivileged} adds the
 * user {@value #CI_USER} with {@code useradd}, which may happen while another build's hostile tests run on
 * the same machine: it rewrites passwd, shadow, group, gshadow, subuid and subgid, their {@code -} backups and
 * the {@code .pwd.lock}. A snapshot therefore compares each live account file by its permissions and its
 * content without that one user's lines (a snippet that adds, changes or removes any other line is still
 * seen), and leaves out the backups and the lock, which only the shadow tools write.
 */
final class AccountFiles {
    static final String CI_USER = "goguides-ci";
    private static final Set<String> LIVE = Set.of("passwd", "shadow", "group", "gshadow", "subuid", "subgid");
    private static final Path ETC = Path.of("/etc");

    private AccountFiles() {
    }

    /** Whether {@code p} is a backup copy or the lock the shadow tools write beside the account files. */
    static boolean isBackupOrLock(Path p) {
        if (!ETC.equals(p.getParent())) return false;
        String name = p.getFileName().toString();
        return name.equals(".pwd.lock") || name.endsWith("-") && LIVE.contains(name.substring(0, name.length() - 1));
    }

    /**
     * For a live account file: its permissions and the hash of its lines other than {@value #CI_USER}'s
     * ("unreadable" instead of the hash when this user cannot read it, as shadow for a non-root run, whose
     * snippets cannot write it either). Empty for any other path.
     */
    static Optional<String> describe(Path p) throws IOException {
        if (!ETC.equals(p.getParent()) || !LIVE.contains(p.getFileName().toString())) return Optional.empty();
        if (Files.isSymbolicLink(p) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        String perms = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        if (!Files.isReadable(p)) return Optional.of("account file " + perms + " unreadable");
        return Optional.of("account file " + perms + " " + sha256(withoutCiUser(Files.readString(p, StandardCharsets.UTF_8))));
    }

    /** {@code text} without the lines of the CI user (its account, group, shadow entry and subordinate ids). */
    static String withoutCiUser(String text) {
        return text.lines().filter(l -> !l.startsWith(CI_USER + ":")).collect(Collectors.joining("\n"));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
