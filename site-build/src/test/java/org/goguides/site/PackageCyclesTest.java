package org.goguides.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The packages of site-build depend on one another without cycles (checks has its own test). A cycle
 * fails with the class dependencies that make it. {@code -Dpackages.print=true} prints the whole graph.
 */
class PackageCyclesTest {
    /** Cycles allowed for now: none (the last, view ↔ render, went with the render split of issue 16). */
    static final List<Set<String>> KNOWN = List.of();

    @Test
    void siteBuildHasNoPackageCyclesBeyondTheKnownOnes() throws Exception {
        PackageGraph g = PackageGraph.of(Path.of("target/classes"));
        if (Boolean.getBoolean("packages.print")) System.out.print(g.describe());
        assertTrue(g.dependencies().size() >= 4, "the classes were found: " + g.dependencies().keySet());
        List<Set<String>> cycles = new ArrayList<>(g.cycles());
        List<Set<String>> gone = KNOWN.stream().filter(k -> !cycles.remove(k)).toList();
        assertTrue(cycles.isEmpty(), () -> "package cycles:\n" + cycles.stream().map(g::explain).collect(Collectors.joining("\n")));
        assertEquals(List.of(), gone, "known cycles that are gone: take them off KNOWN");
    }
}
