import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.goguides.site.SiteBuilder;

/**
 * The same site built N times in one JVM, each by a new {@link SiteBuilder} as the command line makes it: the first
 * build pays the JVM's warm-up (interpreter, JIT, class initialisation), the later ones show what the code itself
 * costs once compiled. Prints wall and process CPU time per build; run by warm-builds.sh (compiled first).
 *
 * <p>Usage: {@code java -cp site-build.jar:CLASSES WarmBuilds N CONTENT TEMPLATES RESULTS OUT}
 */
public class WarmBuilds {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        Path content = Path.of(a[1]), templates = Path.of(a[2]), results = Path.of(a[3]), out = Path.of(a[4]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Double> walls = new ArrayList<>(), cpus = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            delete(out); // as the benchmark harness does before each build, untimed
            long w = System.nanoTime(), c = os.getProcessCpuTime();
            SiteBuilder.Report r = new SiteBuilder().build(new SiteBuilder.Options(content, templates, List.of(results), out, Set.of(),
                    Path.of("")));
            double wall = (System.nanoTime() - w) / 1e9, cpu = (os.getProcessCpuTime() - c) / 1e9;
            if (!r.ok()) throw new IllegalStateException("build failed: " + r.problems());
            System.out.printf("build %d: %d pages, wall %.3f s, CPU %.3f s%n", i + 1, r.pages(), wall, cpu);
            if (i > 0) {
                walls.add(wall);
                cpus.add(cpu);
            }
        }
        if (!walls.isEmpty()) System.out.printf("builds 2-%d: median wall %.3f s, CPU %.3f s%n", n, median(walls), median(cpus));
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) return;
        try (var s = java.nio.file.Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) java.nio.file.Files.delete(p);
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int m = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
    }
}
