package org.goguides.site.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * (installed by {@code .ci/setup}), its matrix covers every platform the guides target, and it keeps
 * the properties that make its badges true (issue 22): a failed step fails the job, every host's
 * results are uploaded and published, the project's tests run, the sandbox is asserted, the actions
 * are current, and the Netlify token never sits next to the pull request's code.
 */
class WorkflowTest {
    static final Path WORKFLOW = Path.of("../.github/workflows/verify.yml");
    static final Path DAILY = Path.of("../.github/workflows/daily.yml");
    /** The first major of each action that runs on Node 24 (GitHub removed Node 20 from its runners). */
    static final Map<String, Integer> NODE24_MAJORS = Map.of(
            "actions/checkout", 5, "actions/setup-java", 5, "actions/setup-go", 6, "actions/setup-node", 5,
            "actions/upload-artifact", 6, "actions/download-artifact", 7, "Vampire/setup-wsl", 7);

    static Map<String, Object> workflow() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> wf = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(WORKFLOW, StandardCharsets.UTF_8), Map.class);
        return wf;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> jobs() throws IOException {
        return (Map<String, Map<String, Object>>) workflow().get("jobs");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    static String run(Map<String, Object> step) {
        return String.valueOf(step.getOrDefault("run", ""));
    }

    static String uses(Map<String, Object> step) {
        return String.valueOf(step.getOrDefault("uses", ""));
    }

    /** The jobs that run {@code check} and the index of that step. */
    static Map<String, Integer> checkJobs() throws IOException {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (var e : jobs().entrySet()) {
            List<Map<String, Object>> steps = steps(e.getValue());
            for (int i = 0; i < steps.size(); i++) if (run(steps.get(i)).contains("site-build.jar check")) out.put(e.getKey(), i);
        }
        return out;
    }

    @Test
    void passesActionlint() throws Exception {
        Path actionlint = find();
        Process p = new ProcessBuilder(actionlint.toString(), "-no-color", WORKFLOW.toString(), DAILY.toString()).redirectErrorStream(true).start();
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
        assertEquals(List.of("check", "wsl"), ((Map<?, ?>) jobs.get("site")).get("needs"));
    }

    /**
     * GitHub disables a scheduled workflow after 60 days without repository activity, and a disabled
     * workflow runs on no event: the schedule lives in its own file, so pushes and pull requests are
     * still checked when the daily run stops.
     */
    @Test
    void theDailyRunLivesInItsOwnWorkflow() throws IOException {
        Map<?, ?> daily = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(DAILY, StandardCharsets.UTF_8), Map.class);
        assertTrue(((Map<?, ?>) daily.get("on")).containsKey("schedule"), "a scheduled run keeps badges current");
        Map<?, ?> call = (Map<?, ?>) ((Map<?, ?>) daily.get("jobs")).get("verify");
        assertEquals("./.github/workflows/verify.yml", call.get("uses"));
        assertEquals("inherit", call.get("secrets"), "the daily run deploys to production");
        Map<?, ?> on = (Map<?, ?>) workflow().get("on");
        assertFalse(on.containsKey("schedule"), "no schedule in verify.yml: its disabling would stop push and pull request runs");
        assertTrue(on.containsKey("workflow_call") && on.containsKey("push") && on.containsKey("pull_request"), on.toString());
    }

    @Test
    void aFailedStepFailsItsJobAndTheResultsAreUploadedAnyway() throws IOException {
        Map<String, Integer> checks = checkJobs();
        assertEquals(List.of("check", "wsl"), List.copyOf(checks.keySet()));
        for (var e : checks.entrySet()) {
            Map<String, Object> job = jobs().get(e.getKey());
            assertFalse(job.containsKey("continue-on-error"), e.getKey() + ": a failing check must fail the job");
            Map<String, Object> check = steps(job).get(e.getValue());
            assertFalse(check.containsKey("continue-on-error"), e.getKey() + ": no continue-on-error on the check step");
            List<Map<String, Object>> after = steps(job).subList(e.getValue() + 1, steps(job).size());
            Map<String, Object> upload = after.stream().filter(st -> uses(st).startsWith("actions/upload-artifact@")).findFirst()
                    .orElseThrow(() -> new AssertionError(e.getKey() + ": no upload after check"));
            String cond = String.valueOf(upload.get("if"));
            assertTrue(cond.contains("always()") || cond.contains("!cancelled()"), e.getKey() + ": upload runs when check failed, got if: " + cond);
            @SuppressWarnings("unchecked")
            Map<String, Object> with = (Map<String, Object>) upload.get("with");
            assertEquals(true, with.get("overwrite"), e.getKey() + ": a re-run may replace its artifact");
        }
        String site = String.valueOf(jobs().get("site").get("if"));
        assertTrue(site.contains("!cancelled()") || site.contains("always()"), "the site is built when a host failed: " + site);
    }

    @Test
    void publishedResultsAreReusedOnEveryEvent() throws IOException {
        List<Map<String, Object>> steps = steps(jobs().get("site"));
        Map<String, Object> fetch = steps.stream().filter(st -> run(st).contains("site-build.jar compare")).findFirst().orElseThrow();
        assertTrue(run(fetch).contains("--save-published published"), "compare fetches the published results and keeps them for build");
        assertFalse(fetch.containsKey("if"), "fetched on push, schedule and pull request alike: " + fetch.get("if"));
        Map<String, Object> build = steps.stream().filter(st -> run(st).contains("site-build.jar build")).findFirst().orElseThrow();
        assertFalse(build.containsKey("if"));
        assertTrue(run(build).contains("--results published"), run(build));
        assertTrue(steps.indexOf(fetch) < steps.indexOf(build));
    }

    @Test
    void theProjectsOwnTestsRun() throws IOException {
        List<String> verify = jobs().entrySet().stream()
                .filter(e -> steps(e.getValue()).stream().anyMatch(st -> run(st).matches("(?s).*\\bmvn (-B )?verify\\b.*")))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of("verify"), verify, "one job runs mvn verify");
        Map<String, Object> job = jobs().get("verify");
        assertTrue(String.valueOf(job.get("runs-on")).startsWith("ubuntu"), "on Linux");
        assertTrue(((Map<?, ?>) job.get("env")).containsKey("GOGUIDES_BROWSER"), "the browser tests get a browser that is not a snap shim");
    }

    @Test
    void theSandboxIsAssertedBeforeCheckOnLinuxAndWsl() throws IOException {
        for (var e : checkJobs().entrySet()) {
            List<Map<String, Object>> steps = steps(jobs().get(e.getKey()));
            int assertion = -1;
            for (int i = 0; i < e.getValue(); i++) if (run(steps.get(i)).matches("(?s).*\\bbwrap .*--unshare-all.* true\\b.*")) assertion = i;
            assertTrue(assertion >= 0, e.getKey() + ": bubblewrap is tried before check");
            String cond = String.valueOf(steps.get(assertion).getOrDefault("if", ""));
            assertTrue(cond.isEmpty() || cond.equals("runner.os == 'Linux'"), e.getKey() + ": asserted on every Linux host, got if: " + cond);
            String check = run(steps.get(e.getValue())) + steps.get(e.getValue()).getOrDefault("env", "");
            assertTrue(check.contains("--require-sandbox") || check.contains("REQUIRE_SANDBOX"), e.getKey() + ": check refuses to run unsandboxed");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> matrix = (List<Map<String, Object>>) ((Map<?, ?>) ((Map<?, ?>) jobs().get("check").get("strategy")).get("matrix")).get("include");
        for (Map<String, Object> m : matrix) {
            boolean linux = String.valueOf(m.get("runner")).startsWith("ubuntu");
            assertEquals(linux ? "--require-sandbox" : "", m.get("sandbox"), m.get("name") + ": Linux hosts require the sandbox");
        }
        for (var job : jobs().entrySet()) {
            for (Map<String, Object> st : steps(job.getValue())) {
                assertFalse(run(st).contains("|| true"), job.getKey() + ": no failure is hidden with || true: " + run(st));
            }
        }
    }

    @Test
    void everyActionIsOnANode24Major() throws IOException {
        for (var job : jobs().entrySet()) {
            for (Map<String, Object> st : steps(job.getValue())) {
                String u = uses(st);
                if (u.isEmpty()) continue;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^@]+)@v(\\d+)").matcher(u);
                assertTrue(m.matches(), job.getKey() + ": " + u + " is pinned to a major");
                Integer min = NODE24_MAJORS.get(m.group(1));
                assertTrue(min != null, u + ": unknown action; add the first major of it that runs on Node 24 to NODE24_MAJORS");
                assertTrue(Integer.parseInt(m.group(2)) >= min, job.getKey() + ": " + u + " runs on Node 20 (need v" + min + " or later)");
            }
        }
    }

    @Test
    void theNetlifyTokenNeverSitsNextToThePullRequestsCode() throws IOException {
        List<String> withToken = new ArrayList<>();
        for (var job : jobs().entrySet()) {
            String text = new ObjectMapper().writeValueAsString(job.getValue());
            if (!text.contains("secrets.")) continue;
            withToken.add(job.getKey());
            List<Map<String, Object>> steps = steps(job.getValue());
            assertTrue(steps.stream().noneMatch(st -> uses(st).startsWith("actions/checkout@")), job.getKey() + ": no checkout of the change");
            assertTrue(steps.stream().noneMatch(st -> run(st).contains("mvn") || run(st).contains("java ")), job.getKey() + ": runs no code of the change");
            assertTrue(steps.stream().anyMatch(st -> uses(st).startsWith("actions/download-artifact@")), job.getKey() + ": deploys the built site");
            assertEquals(List.of("site"), job.getValue().get("needs"), job.getKey());
            assertTrue(job.getValue().get("environment") instanceof Map<?, ?>, job.getKey() + ": secrets come from an environment");
            for (Map<String, Object> st : steps) {
                if (run(st).contains("netlify-cli@")) {
                    java.util.regex.Matcher v = java.util.regex.Pattern.compile("netlify-cli@(\\d+)\\.").matcher(run(st));
                    assertTrue(v.find() && Integer.parseInt(v.group(1)) >= 21, "a current netlify-cli, pinned: " + run(st));
                    assertTrue(run(st).contains("--no-build"), "the CLI builds by default since v21: deploy what CI built");
                }
            }
        }
        assertEquals(List.of("deploy", "preview"), withToken);
        Map<String, Object> deploy = jobs().get("deploy");
        assertEquals("production", ((Map<?, ?>) deploy.get("environment")).get("name"));
        assertTrue(String.valueOf(deploy.get("if")).contains("github.ref == 'refs/heads/main'"), "production deploys only from main");
        assertTrue(steps(deploy).stream().anyMatch(st -> run(st).contains("--prod")));
        assertEquals(false, ((Map<?, ?>) deploy.get("concurrency")).get("cancel-in-progress"), "a production deploy is never cancelled halfway");
        Map<String, Object> preview = jobs().get("preview");
        assertTrue(String.valueOf(preview.get("if")).contains("github.event.pull_request.head.repo.full_name == github.repository"),
                "previews only for branches of this repository (forks get no secrets)");
        assertTrue(steps(preview).stream().anyMatch(st -> run(st).contains("--alias \"pr-$PR_NUMBER\"")), "a stable alias per pull request");
        assertTrue(steps(preview).stream().noneMatch(st -> run(st).contains("--prod")));
    }

    @Test
    void checkoutsKeepNoCredentialsAndRunLinesNoExpressions() throws IOException {
        for (var job : jobs().entrySet()) {
            for (Map<String, Object> st : steps(job.getValue())) {
                if (uses(st).startsWith("actions/checkout@")) {
                    assertEquals(false, ((Map<?, ?>) st.get("with")).get("persist-credentials"), job.getKey() + ": persist-credentials: false");
                }
                assertFalse(run(st).contains("${{"), job.getKey() + ": an expression in run: (use env:): " + run(st));
            }
        }
        Map<String, Object> concurrency = (Map<String, Object>) workflow().get("concurrency");
        assertNotEquals(true, concurrency.get("cancel-in-progress"), "pushes to main do not cancel each other's runs");
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
