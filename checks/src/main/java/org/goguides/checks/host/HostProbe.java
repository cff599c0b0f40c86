package org.goguides.checks.host;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts of the machine it runs on. Every fact can be overridden (tests pretend to be a
 * Mac or a WSL host this way); what cannot be read stays empty rather than failing the run.
 */
public final class HostProbe {
    private static final Pattern GO_VERSION = Pattern.compile("go version (go\\S+) ");

    private HostProbe() {
    }

    /** Probes this host; {@code overrides} maps fact names (os, arch, kernel, wsl, wslVersion, distroId, distroVersion, go, online) to values. */
    public static HostFacts probe(Map<String, String> overrides, boolean checkNetwork) {
        String os = overrides.getOrDefault("os", goOs(System.getProperty("os.name", "")));
        String arch = overrides.getOrDefault("arch", goArch(System.getProperty("os.arch", "")));
        String kernel = overrides.getOrDefault("kernel", os.equals("linux") ? firstLine(run("uname", "-r")).orElse("")
                : System.getProperty("os.version", ""));
        String procVersion = read(Path.of("/proc/version")).orElse("");
        boolean wsl = overrides.containsKey("wsl") ? Boolean.parseBoolean(overrides.get("wsl"))
                : os.equals("linux") && (procVersion.toLowerCase(Locale.ROOT).contains("microsoft")
                || System.getenv("WSL_DISTRO_NAME") != null);
        int wslVersion = overrides.containsKey("wslVersion") ? Integer.parseInt(overrides.get("wslVersion"))
                : wsl ? (kernel.toLowerCase(Locale.ROOT).contains("wsl2") || kernel.contains("microsoft-standard") ? 2 : 1) : 0;
        String distroId = "";
        String distroVersion = "";
        if (os.equals("linux")) {
            Map<String, String> rel = OsRelease.parse(read(Path.of("/etc/os-release")).orElse(""));
            distroId = rel.getOrDefault("ID", "");
            distroVersion = rel.getOrDefault("VERSION_ID", "");
        } else if (os.equals("darwin")) {
            distroId = "macos";
            distroVersion = firstLine(run("sw_vers", "-productVersion")).orElse("");
        }
        distroId = overrides.getOrDefault("distroId", distroId);
        distroVersion = overrides.getOrDefault("distroVersion", distroVersion);
        String go = overrides.getOrDefault("go", goVersion());
        boolean online = overrides.containsKey("online") ? Boolean.parseBoolean(overrides.get("online"))
                : checkNetwork && reachable("proxy.golang.org", 443);
        return new HostFacts(os, arch, kernel, wsl, wslVersion, distroId, distroVersion, go, online);
    }

    static String goOs(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.contains("mac") || n.contains("darwin")) return "darwin";
        if (n.contains("win")) return "windows";
        if (n.contains("linux")) return "linux";
        return n.replaceAll("\\s+", "");
    }

    static String goArch(String osArch) {
        return switch (osArch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch;
        };
    }

    /** {@code go1.26.8}, or "" when Go is not on PATH. */
    static String goVersion() {
        return firstLine(run("go", "version")).map(l -> {
            Matcher m = GO_VERSION.matcher(l + " ");
            return m.find() ? m.group(1) : "";
        }).orElse("");
    }

    /** Whether {@code command} is an executable file in a PATH directory. */
    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return true;
        }
        return false;
    }

    static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstLine(Optional<String> s) {
        return s.map(String::strip).filter(x -> !x.isEmpty()).map(x -> x.lines().findFirst().orElse(""));
    }

    private static Optional<String> run(String... cmd) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
