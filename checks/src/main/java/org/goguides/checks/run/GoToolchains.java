package org.goguides.checks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Other Go toolchains for the Go version matrix ({@code check --go go1.22.12,local}): the host's
 * {@code go} fetches the toolchain through the module proxy ({@code GOTOOLCHAIN=go1.22.12}) into the
 * runner's module cache, and snippets then find that toolchain's {@code go} first on PATH, as if it
 * were installed — without GOTOOLCHAIN set in their environment.
 */
public final class GoToolchains {
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
            ProcessBuilder pb = new ProcessBuilder(List.of("go", "version")).directory(home.toFile()).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            // the first fetch says "go: downloading go1.22.12 (linux/amd64)" before the version line
            String last = out.substring(out.lastIndexOf('\n') + 1);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !last.startsWith("go version " + version + " ")) {
                throw new IOException("cannot get Go " + version + " through the module proxy: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching Go " + version, e);
        } finally {
            Trees.deleteQuietly(home);
        }
        Path toolchains = modcache.resolve("golang.org");
        try (Stream<Path> s = Files.list(toolchains)) {
            return s.filter(d -> d.getFileName().toString().startsWith("toolchain@") && d.getFileName().toString().contains("-" + version + "."))
                    .map(d -> d.resolve("bin")).filter(d -> Files.isExecutable(d.resolve("go"))).findFirst()
                    .orElseThrow(() -> new IOException("Go " + version + " was fetched but its go command is not in " + toolchains));
        }
    }
}
