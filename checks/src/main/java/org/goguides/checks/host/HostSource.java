package org.goguides.checks.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where host facts come from: files, environment variables, JVM properties and short commands.
 * The real machine is {@link #SYSTEM}; tests pass recorded answers of a Mac, a WSL or a Windows host.
 */
public interface HostSource {
    Optional<String> file(String path);

    Optional<String> env(String name);

    String property(String name);

    /** The trimmed standard output of a command that exited 0, or empty. */
    Optional<String> command(String... cmd);

    HostSource SYSTEM = new HostSource() {
        @Override
        public Optional<String> file(String path) {
            try {
                return Optional.of(Files.readString(Path.of(path), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<String> env(String name) {
            return Optional.ofNullable(System.getenv(name));
        }

        @Override
        public String property(String name) {
            return System.getProperty(name, "");
        }

        @Override
        public Optional<String> command(String... cmd) {
            try {
                Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(isWindows() ? "NUL" : "/dev/null"))).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8).strip()) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        private boolean isWindows() {
            return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        }
    };
}
