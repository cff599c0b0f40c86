package org.goguides.checks.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a test corpus in a JVM of its own, so that {@link HostModesTest} can give the runner an environment
 * the test JVM does not have (a PATH without GNU tools, bash or bubblewrap; {@code WSL_INTEROP}).
 * Arguments: corpus folder, work folder, then configuration parameters as {@code key=value}.
 */
public final class HostModesChild {
    private HostModesChild() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            config.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        EngineRun run = EngineRun.run(Path.of(args[0]), Path.of(args[1]), Map.of(), config);
        run.statuses().forEach((id, s) -> System.out.println(id + " " + s));
        System.exit(0);
    }
}
