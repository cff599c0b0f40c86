package org.goguides.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The packages of checks depend on one another without cycles, so the stages stay apart
 * (model ← parse ← engine → run → results). A cycle fails with the class dependencies that make it.
 * {@code -Dpackages.print=true} prints the whole graph.
 */
class PackageCyclesTest {
    @Test
    void checksHasNoPackageCycles() throws Exception {
        PackageGraph g = PackageGraph.of(Path.of("target/classes"));
        if (Boolean.getBoolean("packages.print")) System.out.print(g.describe());
        assertTrue(g.dependencies().size() >= 8, "the classes were found: " + g.dependencies().keySet());
        List<Set<String>> cycles = g.cycles();
        assertTrue(cycles.isEmpty(), () -> "package cycles:\n" + cycles.stream().map(g::explain).collect(Collectors.joining("\n")));
    }

    @Test
    void aCycleIsFound(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // two classes that use each other from two packages, compiled here: the check itself can fail
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        Path a = tmp.resolve("src/org/goguides/a/A.java");
        Path b = tmp.resolve("src/org/goguides/b/B.java");
        java.nio.file.Files.createDirectories(a.getParent());
        java.nio.file.Files.createDirectories(b.getParent());
        java.nio.file.Files.writeString(a, "package org.goguides.a; public class A { org.goguides.b.B b; }", java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(b, "package org.goguides.b; public class B { java.util.List<org.goguides.a.A> as; }",
                java.nio.charset.StandardCharsets.UTF_8);
        Path out = tmp.resolve("classes");
        assertEquals(0, javac.run(null, null, null, "-d", out.toString(), a.toString(), b.toString()));
        PackageGraph g = PackageGraph.of(out);
        assertEquals(List.of(Set.of("org.goguides.a", "org.goguides.b")), g.cycles());
        assertTrue(g.explain(g.cycles().get(0)).contains("org.goguides.b -> org.goguides.a (org.goguides.b.B -> org.goguides.a.A)"), g.explain(g.cycles().get(0)));
    }
}
