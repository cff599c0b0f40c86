package org.goguides.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.site.render.Parallel;

/**
 * Parses the guides on every core: the guide folders are split into contiguous runs (in the order
 * the loader reads files), each run is loaded by its own {@link ContentLoader}, and the parts are
 * joined in order, problems deduplicated and sorted, so the result equals one sequential load.
 * Small sites and builds of chosen guides load in one go.
 */
final class ParallelLoad {
    /** Below this many guide folders one loader is as fast. */
    private static final int MIN = 64;

    private ParallelLoad() {
    }

    static Content load(Path contentDir, Path displayBase, Set<String> only) throws IOException {
        return load(contentDir, displayBase, only, null);
    }

    /** @param cache parsed files kept between builds ({@code serve}), or null */
    static Content load(Path contentDir, Path displayBase, Set<String> only, ContentLoader.Cache cache) throws IOException {
        Path guidesDir = contentDir.resolve("guides");
        int cores = Runtime.getRuntime().availableProcessors();
        if (!only.isEmpty() || cores < 2 || !Files.isDirectory(guidesDir)) return new ContentLoader(contentDir, displayBase).withCache(cache).load(only);
        List<String> slugs;
        try (Stream<Path> s = Files.list(guidesDir)) {
            // the loader reads files sorted by path: guides/a-b/… before guides/a/…, hence the "/"
            slugs = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted((a, b) -> (a + "/").compareTo(b + "/")).toList();
        }
        if (slugs.size() < MIN) return new ContentLoader(contentDir, displayBase).withCache(cache).load(only);
        List<List<String>> parts = new ArrayList<>();
        int per = (slugs.size() + cores - 1) / cores;
        for (int i = 0; i < slugs.size(); i += per) parts.add(slugs.subList(i, Math.min(slugs.size(), i + per)));
        List<Content> loaded = Parallel.map(parts, part -> new ContentLoader(contentDir, displayBase).withCache(cache).load(part));
        List<Guide> guides = new ArrayList<>();
        Set<Problem> problems = new LinkedHashSet<>();
        for (Content c : loaded) {
            guides.addAll(c.guides());
            // a folder without guide files is no error when all guides are loaded; the parts name their folders
            for (Problem p : c.problems()) if (!p.message().startsWith("no guide with slug")) problems.add(p);
        }
        List<Problem> sorted = new ArrayList<>(problems);
        java.util.Collections.sort(sorted);
        return new Content(loaded.get(0).site(), loaded.get(0).platforms(), guides, sorted);
    }
}
