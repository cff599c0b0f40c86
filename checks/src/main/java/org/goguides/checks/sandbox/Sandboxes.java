package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.goguides.checks.host.HostProbe;
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
        return new LimitedIsolation(base, limiter(limits));
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
        if (limits.memoryBytes() == 0 && limits.processes() == 0) return Limiter.OFF;
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return Limiter.NONE;
        return CgroupV1Limiter.detect(limits).orElseGet(() -> HostProbe.onPath("prlimit") ? new PrlimitLimiter(limits) : Limiter.NONE);
    }

    private static Isolation probe() {
        String os = System.getProperty("os.name", "unknown");
        String fallback = "; snippets run with a fresh HOME and session directory only, and `root` snippets are skipped";
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) return Isolation.none("no sandbox on " + os + fallback);
        if (!HostProbe.onPath("bwrap")) return Isolation.none("no sandbox: bwrap (bubblewrap) is not installed" + fallback);
        Result r = run(List.of("bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "true"));
        if (r.exit != 0) return Isolation.none("no sandbox: bwrap does not work here (" + firstLine(r.output) + ")" + fallback);
        String version = run(List.of("bwrap", "--version")).output.strip();
        HostView view = HostView.of(System.getenv(), System.getProperty("user.home"));
        boolean asRoot = "0".equals(run(List.of("id", "-u")).output.strip());
        String why = rootLayerProblem(asRoot);
        RootLayer layer = why == null ? new RootLayer(RootLayer.systemDirs(), !asRoot) : null;
        return new BwrapIsolation(version.isEmpty() ? "bwrap" : version, view, layer, why);
    }

    /** Null when an overlay can be mounted in a private mount namespace here, else why not. */
    private static String rootLayerProblem(boolean asRoot) {
        if (!HostProbe.onPath("unshare")) return "no root layer: unshare (util-linux) is not installed";
        Path t = null;
        try {
            t = Files.createTempDirectory("goguides-overlay-probe-");
            Path lower = Files.createDirectory(t.resolve("lower"));
            Files.createDirectory(t.resolve("upper"));
            Files.createDirectory(t.resolve("work"));
            List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private"));
            if (!asRoot) cmd.add("--map-root-user");
            cmd.addAll(List.of("--", "/bin/sh", "-c", "mount -t overlay overlay -o \"lowerdir=$1,upperdir=$2,workdir=$3\" \"$1\" && echo x > \"$1/probe\"",
                    "sh", lower.toString(), t.resolve("upper").toString(), t.resolve("work").toString()));
            Result r = run(cmd);
            boolean ok = r.exit == 0 && Files.exists(t.resolve("upper/probe")) && !Files.exists(lower.resolve("probe"));
            return ok ? null : "no root layer: an overlay cannot be mounted here (" + firstLine(r.output) + ")";
        } catch (IOException e) {
            return "no root layer: " + e.getMessage();
        } finally {
            Trees.deleteQuietly(t);
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
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
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
