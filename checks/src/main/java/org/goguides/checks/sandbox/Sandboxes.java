package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.goguides.checks.run.HostTools;
import org.goguides.checks.run.Isolation;
import org.goguides.checks.run.Trees;

/**
 * Chooses the isolation for a run: bubblewrap where it works (tried once per JVM with the flags the
 * sandbox uses), else no sandbox, with a sentence that says why. Memory and process caps are added
 * either way where the host allows them.
 */
public final class Sandboxes {
    /** Values of {@code goguides.sandbox}. */
    public static final List<String> MODES = List.of("auto", "none");

    private static volatile Isolation detected;

    private Sandboxes() {
    }

    /**
     * The isolation for {@code mode} ({@code auto}: the sandbox if this host has one; {@code none}: no
     * sandbox, by choice) with {@code limits} around every command.
     *
     * @throws IllegalArgumentException for another mode, naming the allowed ones
     */
    public static Isolation choose(String mode, Limits limits) {
        String m = mode.strip().toLowerCase(Locale.ROOT);
        Isolation base = switch (m) {
            case "auto" -> detect();
            case "none" -> Isolation.none("no sandbox: turned off by choice (--no-sandbox or goguides.sandbox=none); snippets run "
                    + "with a fresh HOME and session directory only");
            default -> throw new IllegalArgumentException("goguides.sandbox=" + mode + ": unknown mode (allowed: " + String.join(", ", MODES) + ")");
        };
        return new LimitedIsolation(base, limiter(limits, base.name().equals("bwrap")));
    }

    /**
     * The isolation of a disposable host ({@link DisposableHost}): {@code chosen} for ordinary steps, and
     * {@code root} steps for real, under the same {@code limits}.
     */
    public static Isolation disposable(Isolation chosen, Limits limits) {
        return new DisposableHost(chosen, limiter(limits));
    }

    /** bubblewrap when it works on this host, else {@link Isolation#none} saying why. Probed once per JVM. */
    public static Isolation detect() {
        Isolation d = detected;
        if (d == null) {
            synchronized (Sandboxes.class) {
                if (detected == null) detected = probe();
                d = detected;
            }
        }
        return d;
    }

    static Limiter limiter(Limits limits) {
        return limiter(limits, false);
    }

    /** @param inSandbox commands run in a user namespace of their own, where a process cap counts the sandbox alone */
    static Limiter limiter(Limits limits, boolean inSandbox) {
        if (limits.memoryBytes() == 0 && limits.processes() == 0) return Limiter.OFF;
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return Limiter.NONE;
        return CgroupV1Limiter.detect(limits).orElseGet(() -> HostTools.has("prlimit") ? new PrlimitLimiter(limits, inSandbox) : Limiter.NONE);
    }

    /** The host user a root runner's sandboxes run as: nobody, who owns nothing on the host. */
    static final int SANDBOX_UID = 65534;

    private static Isolation probe() {
        String os = System.getProperty("os.name", "unknown");
        String fallback = "; snippets run with a fresh HOME and session directory only, and `root` snippets are skipped";
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) return Isolation.none("no sandbox on " + os + fallback);
        if (!HostTools.has("bwrap")) return Isolation.none("no sandbox: bwrap (bubblewrap) is not installed in a system folder" + fallback);
        String bwrap = HostTools.find("bwrap").orElseThrow();
        List<String> tryIt = List.of(bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv", "--", "/bin/true");
        Result r = run(tryIt);
        if (r.exit != 0) return Isolation.none("no sandbox: bwrap does not work here (" + firstLine(r.output) + ")" + fallback);
        String version = bwrapVersion(run(List.of(bwrap, "--version")).output);
        HostView view = HostView.of(System.getenv(), System.getProperty("user.home"), System.getProperty("user.dir"));
        boolean asRoot = runnerUid() == 0;
        int asUser = -1;
        if (asRoot) {
            // a root runner never lets a snippet be the host's root: the sandbox runs as nobody, mapped to root inside
            List<String> asNobody = new ArrayList<>();
            HostTools.find("setpriv").ifPresent(sp -> asNobody.addAll(List.of(sp, "--reuid=" + SANDBOX_UID, "--regid=" + SANDBOX_UID,
                    "--clear-groups", "--")));
            asNobody.addAll(tryIt);
            Result n = asNobody.size() > tryIt.size() ? run(asNobody) : new Result(-1, "setpriv (util-linux) is not installed");
            if (n.exit == 0) {
                asUser = SANDBOX_UID;
            } else {
                // still far better than no sandbox at all; said at the start of every run
                version = version + ", AS THE HOST'S ROOT: it cannot run as uid " + SANDBOX_UID
                        + " here (" + firstLine(n.output) + ")";
            }
        }
        String[] why = new String[1];
        RootLayer layer = asUser >= 0 ? rootLayer(asUser, why) : asRoot ? null : fuseLayer(why);
        if (layer == null && asRoot && asUser < 0) {
            why[0] = "no root layer: the sandbox cannot run as uid " + SANDBOX_UID + " here, and a root step never runs as the host's root";
        }
        return new BwrapIsolation(version, view, layer, why[0], asUser);
    }

    /**
     * The root layer of a runner that is not root, or null with the reason in {@code why[0]}: a user namespace cannot
     * write through a kernel overlay to folders the host's root owns, and only the host's root can make id-mapped
     * views, so it takes {@code fuse-overlayfs} (installed in a system folder, with {@code /dev/fuse} open to this
     * user, as on Ubuntu and Debian), tried here down to writing /usr/share through it.
     */
    private static RootLayer fuseLayer(String[] why) {
        String notRoot = "no root layer: the runner is not root, so a user namespace cannot write through a kernel overlay to folders the "
                + "host's root owns (only the host's root can make the id-mapped views that let it), and ";
        if (!HostTools.has("fuse-overlayfs") || !HostTools.has("unshare")) {
            why[0] = notRoot + "fuse-overlayfs is not installed (apt-get install fuse-overlayfs)";
            return null;
        }
        Path dev = Path.of("/dev/fuse");
        if (!Files.isReadable(dev) || !Files.isWritable(dev)) {
            why[0] = notRoot + "/dev/fuse is not open to this user (chmod 0666 /dev/fuse, as Ubuntu and Debian's udev rule has it)";
            return null;
        }
        Path t = null;
        try {
            Path sudo = RootLayer.writeSudo();
            t = Files.createTempDirectory("goguides-overlay-probe-");
            RootLayer.Mounted m = RootLayer.fuse(List.of(Path.of("/usr")), Path.of(HostTools.require("fuse-overlayfs")), sudo).enter(t, -1);
            List<String> cmd = new ArrayList<>(m.prefix());
            cmd.addAll(List.of(HostTools.require("mkdir"), m.merged().get(Path.of("/usr")).resolve("share/goguides-probe").toString()));
            Result r = run(cmd);
            boolean ok = r.exit == 0 && Files.isDirectory(t.resolve("upper/usr/share/goguides-probe"))
                    && !Files.exists(Path.of("/usr/share/goguides-probe"));
            if (ok) return RootLayer.fuse(RootLayer.systemDirs(), Path.of(HostTools.require("fuse-overlayfs")), sudo);
            why[0] = notRoot + "fuse-overlayfs does not work here (" + firstLine(r.output) + ")";
            return null;
        } catch (IOException e) {
            why[0] = notRoot + "fuse-overlayfs cannot be tried (" + e.getMessage() + ")";
            return null;
        } finally {
            Trees.deleteQuietly(t);
        }
    }

    /**
     * The root layer of a root runner whose sandboxes run as {@code uid}, or null with the reason in {@code why[0]}: the
     * id-mapping helper must build ({@link IdmapHelper}), and the whole start-up of a layered step must work here,
     * down to writing a root-owned folder (/usr/share) through the overlay without touching the host's.
     */
    private static RootLayer rootLayer(int uid, String[] why) {
        if (!HostTools.has("unshare") || !HostTools.has("mount") || !HostTools.has("setpriv")) {
            why[0] = "no root layer: unshare, mount or setpriv (util-linux) is not installed";
            return null;
        }
        Path idmap;
        Path sudo;
        try {
            idmap = IdmapHelper.build(org.goguides.checks.run.RunnerSettings.defaultCacheDir());
            sudo = RootLayer.writeSudo();
        } catch (IOException e) {
            why[0] = "no root layer: " + e.getMessage();
            return null;
        }
        Path t = null;
        String last = "no message";
        try {
            t = Files.createTempDirectory("goguides-overlay-probe-");
            Files.setPosixFilePermissions(t, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            for (String options : RootLayer.OPTIONS) {
                RootLayer layer = new RootLayer(List.of(Path.of("/usr")), idmap, options, sudo);
                Path dir = t.resolve(options.replace(',', '-'));
                RootLayer.Mounted m = layer.enter(dir, uid);
                List<String> cmd = new ArrayList<>(m.prefix());
                cmd.addAll(List.of(HostTools.require("mkdir"), m.merged().get(Path.of("/usr")).resolve("share/goguides-probe").toString()));
                Result r = run(cmd);
                boolean ok = r.exit == 0 && Files.isDirectory(dir.resolve("upper/usr/share/goguides-probe"))
                        && !Files.exists(Path.of("/usr/share/goguides-probe"));
                if (ok) return new RootLayer(RootLayer.systemDirs(), idmap, options, sudo);
                last = firstLine(r.output);
            }
            why[0] = "no root layer: an overlay over id-mapped system folders cannot be mounted here (" + last + ")";
            return null;
        } catch (IOException e) {
            why[0] = "no root layer: " + e.getMessage();
            return null;
        } finally {
            Trees.deleteQuietly(t);
        }
    }

    /** The {@code bubblewrap N.N.N} line of {@code bwrap --version}, whatever else it printed; "bwrap" if none. */
    static String bwrapVersion(String output) {
        return output.lines().map(String::strip).filter(l -> l.startsWith("bubblewrap ")).findFirst().orElse("bwrap");
    }

    private static int runnerUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return t.isEmpty() ? "no message" : nl < 0 ? t : t.substring(0, nl);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd) {
        Path out = null;
        try {
            out = Files.createTempFile("goguides-probe-", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(HostTools.ENVIRONMENT);
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            if (out != null) out.toFile().delete();
        }
    }
}
