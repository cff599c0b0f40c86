package org.goguides.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.run.Trees;

/**
 * The example project of the README ({@code checks/example}) built as a user builds it: {@code mvn verify}
 * in a copy of it, with this build's checks jar as its test dependency, runs the snippets of its guide and
 * fails when one fails. The jar is installed into a local repository under {@code target/} that takes
 * everything else from this build's local repository (a {@code file:} mirror, so no network and nothing
 * written to the shared one).
 */
class ExampleProjectIT {
    private static final Path WORK = Path.of("target", "example-project-it").toAbsolutePath();

    @Test
    void mvnVerifyRunsTheGuidesAndFailsOnAFailingStep() throws Exception {
        Path project = prepare();

        Run ok = mvn(project, "verify", "-Dgoguides.offline=true");
        assertEquals(0, ok.code(), ok.log());
        assertTrue(ok.log().contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0"), ok.log());
        assertEquals(List.of("go-version:passed", "main-go:passed", "make-folder:passed", "run:passed"),
                statuses(project.resolve("target/goguides-results")), "the results file where junit-platform.properties puts it");
        String report = Files.readString(project.resolve("target/surefire-reports/TEST-com.example.guides.GuidesTest.xml"), StandardCharsets.UTF_8);
        assertTrue(report.contains("name=\"hello-go › run (content/guides/hello-go/index.en.md:38)\""), report);

        // the program prints something else than the guide says: the build fails, naming the step
        Path guide = project.resolve("content/guides/hello-go/index.en.md");
        String text = Files.readString(guide, StandardCharsets.UTF_8);
        Files.writeString(guide, text.replace("$ go run main.go\n你好, Go\n", "$ go run main.go\nHello, Go\n"), StandardCharsets.UTF_8);
        Run failing = mvn(project, "verify", "-Dgoguides.offline=true", "-Dgoguides.results.dir=target/other-results");
        assertNotEquals(0, failing.code(), failing.log());
        assertTrue(failing.log().contains("Tests run: 4, Failures: 1, Errors: 0, Skipped: 0"), failing.log());
        assertTrue(failing.log().contains("hello-go › run (content/guides/hello-go/index.en.md:38)"), failing.log());
        String failure = Files.readString(project.resolve("target/surefire-reports/TEST-com.example.guides.GuidesTest.xml"), StandardCharsets.UTF_8);
        assertTrue(failure.contains("+ 你好, Go"), "the report's diff shows what the program printed: " + failure);
        assertEquals(List.of("go-version:passed", "main-go:passed", "make-folder:passed", "run:failed"),
                statuses(project.resolve("target/other-results")), "a -D system property overrides junit-platform.properties");
    }

    /** A fresh copy of the example and a local repository holding this build's checks jar. */
    private static Path prepare() throws IOException {
        Trees.deleteQuietly(WORK);
        Path project = WORK.resolve("project");
        copy(Path.of("example"), project);
        String version = System.getProperty("goguides.version");
        Path repo = WORK.resolve("repo");
        Path checks = Files.createDirectories(repo.resolve("org/goguides/checks").resolve(version));
        Files.copy(Path.of(System.getProperty("goguides.checks.jar")), checks.resolve("checks-" + version + ".jar"));
        Files.copy(Path.of("pom.xml"), checks.resolve("checks-" + version + ".pom"));
        Path parent = Files.createDirectories(repo.resolve("org/goguides/goguides-parent").resolve(version));
        Files.copy(Path.of("../pom.xml"), parent.resolve("goguides-parent-" + version + ".pom"));
        String mirror = Path.of(System.getProperty("goguides.build.repo")).toUri().toString();
        Files.writeString(WORK.resolve("settings.xml"), "<settings><mirrors><mirror><id>this-build</id><mirrorOf>*</mirrorOf><url>"
                + mirror + "</url></mirror></mirrors></settings>\n", StandardCharsets.UTF_8);
        return project;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!from.relativize(p).startsWith("target")) Files.copy(p, target);
            }
        }
    }

    record Run(int code, String log) {
    }

    private static Run mvn(Path project, String... args) throws Exception {
        String home = System.getProperty("maven.home");
        List<String> cmd = new ArrayList<>(List.of(home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString(),
                "-B", "-s", WORK.resolve("settings.xml").toString(), "-Dmaven.repo.local=" + WORK.resolve("repo")));
        cmd.addAll(List.of(args));
        Path log = WORK.resolve("mvn-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 10 minutes; see " + log);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** {@code id:status} of every step in the one host file of {@code dir}, sorted. */
    private static List<String> statuses(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertEquals(1, files.size(), files.toString());
        HostRun run = ResultStore.read(files.get(0));
        return run.snippets().stream().map(r -> r.id() + ":" + r.status().id()).sorted().toList();
    }
}
