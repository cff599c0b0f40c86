package org.goguides.site.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflow that checks the guides on every platform: valid for actionlint
 * (installed by {@code .ci/setup}), and its matrix covers every platform the guides target.
 */
class WorkflowTest {
    static final Path WORKFLOW = Path.of("../.github/workflows/verify.yml");

    @Test
    void passesActionlint() throws Exception {
        Path actionlint = find();
        Process p = new ProcessBuilder(actionlint.toString(), "-no-color", WORKFLOW.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "actionlint:\n" + out);
    }

    @Test
    void coversEveryTargetPlatform() throws IOException {
        Map<?, ?> wf = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(WORKFLOW, StandardCharsets.UTF_8), Map.class);
        Map<?, ?> jobs = (Map<?, ?>) wf.get("jobs");
        List<?> include = (List<?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) jobs.get("check")).get("strategy")).get("matrix")).get("include");
        List<String> runners = new ArrayList<>();
        for (Object o : include) runners.add(String.valueOf(((Map<?, ?>) o).get("runner")));
        assertEquals(List.of("ubuntu-24.04", "ubuntu-24.04-arm", "macos-15", "macos-15-intel"), runners);
        assertTrue(jobs.containsKey("wsl"), "a WSL job");
        assertTrue(((Map<?, ?>) wf.get("on")).containsKey("schedule"), "a scheduled run keeps badges current");
        assertEquals(List.of("check", "wsl"), ((Map<?, ?>) jobs.get("site")).get("needs"));
    }

    private static Path find() throws Exception {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "actionlint");
            if (Files.isExecutable(p)) return p;
        }
        Process go = new ProcessBuilder("go", "env", "GOPATH").start();
        String gopath = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        go.waitFor();
        Path p = Path.of(gopath, "bin", "actionlint");
        if (Files.isExecutable(p)) return p;
        fail("actionlint is not installed: run bash .ci/setup (go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12)");
        return null;
    }
}
