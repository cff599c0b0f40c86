package org.goguides.checks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For benchmarks only: with the system property {@code goguides.trace.commands=FILE}, every snippet
 * command the runner starts is appended to FILE as one JSON line ({@code cwd}, {@code env}, {@code cmd}),
 * exactly as started (setsid, limits, bwrap and all), so that checks/bench/runner-overhead.sh can run
 * the same commands from a plain shell loop. Off (and free) without the property.
 */
final class CommandTrace {
    private static final String FILE = System.getProperty("goguides.trace.commands");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandTrace() {
    }

    static void record(List<String> command, Path cwd, Map<String, String> env) {
        if (FILE == null || FILE.isEmpty()) return;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("cwd", cwd.toAbsolutePath().toString());
        line.put("env", env);
        line.put("cmd", command);
        try {
            String text = JSON.writeValueAsString(line) + "\n";
            synchronized (CommandTrace.class) {
                Files.writeString(Path.of(FILE), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            // tracing must never change a run
        }
    }
}
