package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fingerprint of the host places hostile snippets aim at, taken before and after a run: every
 * entry whose name carries the run's marker (canaries and anything a snippet might have left), the
 * full listing with modification times of the quiet places (/usr/local, /etc at the top), and the
 * content of the system files snippets try to change, the kernel settings they aim at (/proc/sys), and
 * every entry's permissions (a cleanup that follows a link would change its target's). Canaries of other
 * runs (another build on the same machine) are left out, and the account files are compared without the
 * CI user that {@code .ci/run-unprivileged} may add meanwhile ({@link AccountFiles}).
 */
final class HostSnapshot {
    private static final List<Path> QUIET = List.of(Path.of("/usr/local"), Path.of("/etc"));
    private static final List<Path> FILES = List.of(Path.of("/etc/hosts"), Path.of("/etc/passwd"), Path.of("/etc/hostname"),
            Path.of("/usr/local/go/VERSION"));
    /** Kernel settings a snippet that were the host's root could change; compared by content. */
    private static final List<Path> SYSCTLS = List.of(Path.of("/proc/sys/kernel/core_pattern"), Path.of("/proc/sys/kernel/sysrq"),
            Path.of("/proc/sys/kernel/modprobe"), Path.of("/proc/sys/fs/suid_dumpable"));

    private HostSnapshot() {
    }

    static Map<Path, String> of(List<Path> places, String marker) throws IOException {
        Map<Path, String> m = new TreeMap<>();
        for (Path place : places) {
            try (Stream<Path> s = Files.list(place)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    boolean marked = name.contains(marker);
                    // another build's canaries (a concurrent run of these tests on this machine) come and go on their own
                    if (!marked && name.startsWith("goguides-canary-")) continue;
                    // the account files as AccountFiles says: the CI user's creation comes and goes on its own
                    if (!marked && AccountFiles.isBackupOrLock(p)) continue;
                    if (marked || QUIET.contains(place)) m.put(p, describe(p, marked));
                }
            }
        }
        for (Path f : FILES) if (Files.exists(f)) m.put(f, describe(f, true));
        for (Path f : SYSCTLS) if (Files.exists(f)) m.put(f, Files.readString(f, java.nio.charset.StandardCharsets.UTF_8));
        return m;
    }

    private static String describe(Path p, boolean content) throws IOException {
        java.util.Optional<String> account = AccountFiles.describe(p);
        if (account.isPresent()) return account.get();
        String d = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
        if (!Files.isSymbolicLink(p)) d += " " + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        if (content && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) d += " " + sha256(Files.readAllBytes(p));
        return d;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
