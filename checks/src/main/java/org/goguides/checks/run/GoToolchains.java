package org.goguides.checks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Other Go toolchains for the Go version matrix ({@code check --go go1.22.12,local}): the host's
 * {@code go} fetches the toolchain through the module proxy ({@code GOTOOLCHAIN=go1.22.12}) into the
 * runner's module cache, and snippets then find that toolchain's {@code go} first on PATH, as if it
 * were installed — without GOTOOLCHAIN set in their environment.
 */
public final class GoToolchains {
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^go version (go\\S+) (\\S+)");
    private static final List<String> NETWORK_SIGNS = List.of("dial tcp", "no such host", "connection refused",
            "network is unreachable", "i/o timeout", "tls handshake", "proxy.golang.org", "temporary failure in name resolution");

    private GoToolchains() {
    }

    /**
     * The {@code bin} folder of {@code version}, fetched if needed.
     *
     * @throws IOException with a message for the user when the toolchain cannot be had
     */
    public static Path fetch(String version, Path cacheDir) throws IOException {
        Path modcache = cacheDir.resolve("gomod");
        Files.createDirectories(modcache);
        Path home = Files.createTempDirectory("goguides-toolchain-");
        try {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            env.put("HOME", home.toString());
            env.put("GOMODCACHE", modcache.toString());
            env.put("GOCACHE", cacheDir.resolve("go-build").toString());
            env.put("GOTOOLCHAIN", version);
            for (String k : List.of("GOPROXY", "GOSUMDB", "GONOSUMDB", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy")) {
                String v = System.getenv(k);
                if (v != null) env.put(k, v);
            }
            Path stderr = home.resolve(".stderr");
            // stdout alone carries the answer; stderr gets the notices a cold cache prints first ("go: downloading
            // go1.22.12 (linux/amd64)") and, when it fails, why
            ProcessBuilder pb = new ProcessBuilder(List.of("go", "version")).directory(home.toFile())
                    .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("cannot get Go " + version + " through the module proxy: `go version` did not finish in 10 minutes");
            }
            verify(version, p.exitValue(), out, Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching Go " + version, e);
        } finally {
            Trees.deleteQuietly(home);
        }
        Path toolchains = modcache.resolve("golang.org");
        if (!Files.isDirectory(toolchains)) throw new IOException("Go " + version + " was fetched but no toolchain is in " + toolchains);
        try (Stream<Path> s = Files.list(toolchains)) {
            return s.filter(d -> d.getFileName().toString().startsWith("toolchain@") && d.getFileName().toString().contains("-" + version + "."))
                    .map(d -> d.resolve("bin")).filter(d -> Files.isExecutable(d.resolve("go"))).findFirst()
                    .orElseThrow(() -> new IOException("Go " + version + " was fetched but its go command is not in " + toolchains));
        }
    }

    /** The version a {@code go version} output names, wherever its line is among notices printed before it. */
    static Optional<String> reportedVersion(String stdout) {
        Matcher m = VERSION_LINE.matcher(stdout);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Accepts what {@code GOTOOLCHAIN=version go version} answered, or says why not: download notices
     * are ignored; a failure names the missing network when the go command's message shows it.
     */
    static void verify(String version, int exit, String stdout, String stderr) throws IOException {
        Optional<String> reported = reportedVersion(stdout);
        if (exit == 0 && reported.isPresent() && reported.get().equals(version)) return;
        String why = (stderr.strip() + "\n" + stdout.strip()).strip();
        String lower = why.toLowerCase(Locale.ROOT);
        String prefix = "cannot get Go " + version + " through the module proxy";
        if (exit != 0 && NETWORK_SIGNS.stream().anyMatch(lower::contains)) {
            prefix += " (no network: the go command could not reach the module proxy, GOPROXY="
                    + Optional.ofNullable(System.getenv("GOPROXY")).orElse("https://proxy.golang.org,direct") + ")";
        }
        if (exit != 0) throw new IOException(prefix + ": go version exited " + exit + ": " + (why.isEmpty() ? "no message" : why));
        throw new IOException(prefix + ": go version answered " + reported.map(v -> "\"" + v + "\"").orElse("no version")
                + (why.isEmpty() ? "" : ": " + why));
    }
}
