package org.goguides.checks.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;

/**
 * Keeps, in a host's results file, the results of the guides a {@code check} did not run
 * ({@code --guide}, {@code --changed-since}): the run writes only what it ran, and without this the
 * preview would show every other guide as not yet verified. Kept results keep the time they ran.
 */
final class KeptResults {
    private final Map<String, HostRun> before = new HashMap<>();

    private KeptResults() {
    }

    /** The host files in {@code dir} as they are before a run (unreadable ones are left out). */
    static KeptResults before(Path dir) {
        KeptResults k = new KeptResults();
        if (!Files.isDirectory(dir)) return k;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".json"))::iterator) {
                try {
                    HostRun r = ResultStore.read(f);
                    if (r.host() != null) k.before.put(f.getFileName().toString(), r);
                } catch (IOException | RuntimeException e) {
                    // not a results file: nothing to keep
                }
            }
        } catch (IOException e) {
            // no results yet
        }
        return k;
    }

    /**
     * Adds to {@code <dir>/<hostKey>.json} the earlier results of guides it has none of, for guides that still
     * exist ({@code slugs}) and when the earlier run had the same isolation. Returns how many were kept.
     */
    int keep(Path dir, String hostKey, Set<String> slugs) throws IOException {
        HostRun old = before.get(hostKey + ".json");
        Path file = dir.resolve(hostKey + ".json");
        if (old == null || !Files.isRegularFile(file)) return 0;
        HostRun now = ResultStore.read(file);
        if (!old.isolation().equals(now.isolation())) return 0;
        Set<String> ran = new HashSet<>();
        now.snippets().forEach(r -> ran.add(r.guide()));
        List<SnippetResult> all = new ArrayList<>(now.snippets());
        int kept = 0;
        for (SnippetResult r : old.snippets()) {
            if (ran.contains(r.guide()) || !slugs.contains(r.guide())) continue;
            all.add(r.reusedFrom(old.finished()));
            kept++;
        }
        if (kept > 0) ResultStore.write(dir, new HostRun(now.schema(), now.host(), now.isolation(), now.started(), now.finished(), all));
        return kept;
    }

    /** The slugs of the guide folders under {@code content/guides}. */
    static Set<String> guideSlugs(Path content) {
        Set<String> out = new HashSet<>();
        try (Stream<Path> s = Files.list(content.resolve("guides"))) {
            s.filter(Files::isDirectory).forEach(p -> out.add(p.getFileName().toString()));
        } catch (IOException e) {
            // no guides
        }
        return out;
    }
}
