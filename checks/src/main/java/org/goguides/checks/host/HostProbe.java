package org.goguides.checks.host;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts of a host: Linux (distribution from /etc/os-release), WSL 1 or 2 (from the
 * kernel), macOS (version from {@code sw_vers}, Apple Silicon or Intel from {@code hw.optional.arm64},
 * Rosetta translation from {@code sysctl.proc_translated}) and Windows. Every fact can be
 * overridden; what cannot be read stays empty rather than failing the run.
 */
public final class HostProbe {
    private static final Pattern GO_VERSION = Pattern.compile("go version (go\\S+) ");

    private HostProbe() {
    }

    /** Probes this machine; {@code overrides} maps fact names (os, arch, kernel, wsl, wslVersion, distroId, distroVersion, go, online, rosetta) to values. */
    public static HostFacts probe(Map<String, String> overrides, boolean checkNetwork) {
        return probe(HostSource.SYSTEM, overrides, checkNetwork);
    }

    public static HostFacts probe(HostSource src, Map<String, String> overrides, boolean checkNetwork) {
        if (overrides.keySet().containsAll(HostFacts.NAMES)) {
            // every fact given (a caller that probed already): nothing to run
            return new HostFacts(overrides.get("os"), overrides.get("arch"), overrides.get("kernel"),
                    Boolean.parseBoolean(overrides.get("wsl")), Integer.parseInt(overrides.get("wslVersion")), overrides.get("distroId"),
                    overrides.get("distroVersion"), overrides.get("go"), Boolean.parseBoolean(overrides.get("online")),
                    Boolean.parseBoolean(overrides.get("rosetta")));
        }
        String os = overrides.getOrDefault("os", goOs(src.property("os.name")));
        String kernel;
        String arch;
        boolean wsl = false;
        int wslVersion = 0;
        boolean rosetta = false;
        String distroId = "";
        String distroVersion = "";
        switch (os) {
            case "darwin" -> {
                kernel = src.command("uname", "-r").orElse(src.property("os.version"));
                // hw.optional.arm64 is 1 on Apple Silicon even when this process runs under Rosetta
                boolean appleSilicon = src.command("sysctl", "-n", "hw.optional.arm64").map("1"::equals).orElse(false);
                arch = appleSilicon ? "arm64" : goArch(src.property("os.arch"));
                rosetta = src.command("sysctl", "-n", "sysctl.proc_translated").map("1"::equals).orElse(false);
                distroId = "macos";
                distroVersion = src.command("sw_vers", "-productVersion").orElse(src.property("os.version"));
            }
            case "windows" -> {
                kernel = src.property("os.version");
                String pa = src.env("PROCESSOR_ARCHITEW6432").or(() -> src.env("PROCESSOR_ARCHITECTURE")).orElse("");
                arch = pa.isEmpty() ? goArch(src.property("os.arch")) : goArch(pa.toLowerCase(Locale.ROOT));
                distroId = "windows";
                distroVersion = src.property("os.version");
            }
            default -> {
                kernel = src.command("uname", "-r").orElse(src.property("os.version"));
                arch = goArch(src.command("uname", "-m").orElse(src.property("os.arch")));
                String procVersion = src.file("/proc/version").orElse("");
                String k = (kernel + " " + procVersion).toLowerCase(Locale.ROOT);
                wsl = k.contains("microsoft") || src.env("WSL_DISTRO_NAME").isPresent();
                // WSL 2 runs a real Linux kernel named "...-microsoft-standard-WSL2"; WSL 1 reports "...-Microsoft"
                wslVersion = !wsl ? 0 : k.contains("wsl2") || k.contains("microsoft-standard") ? 2 : 1;
                Map<String, String> rel = OsRelease.parse(src.file("/etc/os-release").orElse(""));
                distroId = rel.getOrDefault("ID", "");
                distroVersion = rel.getOrDefault("VERSION_ID", "");
            }
        }
        arch = overrides.getOrDefault("arch", arch);
        kernel = overrides.getOrDefault("kernel", kernel);
        if (overrides.containsKey("wsl")) wsl = Boolean.parseBoolean(overrides.get("wsl"));
        if (overrides.containsKey("wslVersion")) wslVersion = Integer.parseInt(overrides.get("wslVersion"));
        else if (!wsl) wslVersion = 0;
        else if (wslVersion == 0) wslVersion = 2;
        if (overrides.containsKey("rosetta")) rosetta = Boolean.parseBoolean(overrides.get("rosetta"));
        distroId = overrides.getOrDefault("distroId", distroId);
        distroVersion = overrides.getOrDefault("distroVersion", distroVersion);
        String go = overrides.containsKey("go") ? overrides.get("go")
                : src.command("go", "version").map(HostProbe::parseGoVersion).orElse("");
        boolean online = overrides.containsKey("online") ? Boolean.parseBoolean(overrides.get("online"))
                : checkNetwork && reachable("proxy.golang.org", 443);
        return new HostFacts(os, arch, kernel, wsl, wslVersion, distroId, distroVersion, go, online, rosetta);
    }

    static String parseGoVersion(String line) {
        Matcher m = GO_VERSION.matcher(line + " ");
        return m.find() ? m.group(1) : "";
    }

    static String goOs(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.contains("mac") || n.contains("darwin")) return "darwin";
        if (n.contains("win")) return "windows";
        if (n.contains("linux")) return "linux";
        return n.replaceAll("\\s+", "");
    }

    static String goArch(String arch) {
        return switch (arch.toLowerCase(Locale.ROOT)) {
            case "x86_64", "amd64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
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
}
