package org.goguides.checks.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.goguides.checks.run.HostTools;
import org.goguides.checks.run.Trees;

/**
 * The trusted helper that lets a root layer run as the sandbox user: {@code goguides-idmap} (its Go source is a
 * resource next to this class) shows the system folders id-mapped, so that the host root's files belong to the
 * sandbox user's namespace root (see the source's comment). Java 17 cannot make these system calls and
 * Debian 12's util-linux (2.38) has no {@code X-mount.idmap}, so the runner builds the helper itself, once per
 * version of the source, with the host's Go into a folder of its own cache that only it writes; nothing a
 * snippet can write is ever built or run.
 */
final class IdmapHelper {
    static final String SOURCE = "goguides-idmap.go";

    private IdmapHelper() {
    }

    /** The helper's binary, built now if this version of the source has none in {@code cacheDir}/bin. */
    static Path build(Path cacheDir) throws IOException {
        byte[] source;
        try (InputStream in = IdmapHelper.class.getResourceAsStream(SOURCE)) {
            if (in == null) throw new IOException("the helper's source " + SOURCE + " is missing from the runner");
            source = in.readAllBytes();
        }
        Path bin = ownFolder(cacheDir);
        Path helper = bin.resolve("goguides-idmap-" + hash(source).substring(0, 16));
        if (Files.isRegularFile(helper, LinkOption.NOFOLLOW_LINKS) && Files.isExecutable(helper)) return helper;
        String go = findGo().orElseThrow(() -> new IOException("no Go on this host to build the id-mapping helper"));
        Path work = Files.createTempDirectory(bin, ".build-");
        try {
            Path src = work.resolve("main.go");
            Files.write(src, source);
            Path out = work.resolve("goguides-idmap");
            Path log = work.resolve("log");
            ProcessBuilder pb = new ProcessBuilder(go, "build", "-trimpath", "-o", out.toString(), src.toString())
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(HostTools.ENVIRONMENT);
            // the runner's own Go build cache (in its home, which no snippet sees); the toolchain as installed
            pb.environment().putAll(Map.of("HOME", System.getProperty("user.home"), "GOTOOLCHAIN", "local", "CGO_ENABLED", "0",
                    "GOFLAGS", "", "GO111MODULE", "off"));
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("building the id-mapping helper took more than 5 minutes");
            }
            if (p.exitValue() != 0) {
                String said = Files.readString(log, StandardCharsets.UTF_8).strip();
                throw new IOException("go build of the id-mapping helper failed: " + (said.length() > 400 ? said.substring(0, 400) + " …" : said));
            }
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-x------"));
            Files.move(out, helper, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return helper;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the id-mapping helper");
        } finally {
            Trees.deleteQuietly(work);
        }
    }

    /** {@code cacheDir}/bin, made if missing: a real folder of the runner's, writable by nobody else. */
    private static Path ownFolder(Path cacheDir) throws IOException {
        Files.createDirectories(cacheDir);
        Path bin = cacheDir.resolve("bin");
        if (!Files.exists(bin, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(bin, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by a concurrent run meanwhile
            }
        }
        Object owner = Files.getAttribute(bin, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(bin, LinkOption.NOFOLLOW_LINKS));
        if (!Files.isDirectory(bin, LinkOption.NOFOLLOW_LINKS) || !owner.equals(me) || perms.charAt(4) == 'w' || perms.charAt(7) == 'w') {
            throw new IOException(bin + " is not a folder of the runner's own that only it writes; the id-mapping helper is not built there");
        }
        return bin;
    }

    /** The host's Go: in the system folders, else on the PATH the runner itself was started with (never a snippet's). */
    static Optional<String> findGo() {
        Optional<String> system = HostTools.find("go");
        if (system.isPresent()) return system;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty() || !Path.of(dir).isAbsolute()) continue;
            Path go = Path.of(dir, "go");
            if (Files.isRegularFile(go) && Files.isExecutable(go)) {
                try {
                    return Optional.of(go.toRealPath().toString());
                } catch (IOException e) {
                    // a dangling link: look further
                }
            }
        }
        return Optional.empty();
    }

    private static String hash(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
