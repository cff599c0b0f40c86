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
 * Parses the guides on every core: the guide folders are split into short contiguous runs (in the
 * order the loader reads files), which the workers take in turn, each loaded by its own
 * {@link ContentLoader}, and the parts are joined in order, problems deduplicated and sorted, so the
 * result equals one sequential load. Small sites and builds of chosen guides load in one go. With a
 * {@link ContentLoader.GuideSink} each guide is handed on as soon as it is parsed (the site build renders it there).
 */
final class ParallelLoad {
    /** Below this many guide folders one loader is as fast. */
    private static final int MIN = 64;
    /** Guide folders per part: small enough that the workers finish together, large enough to cost nothing. */
    private static final int PART = 16;

    private ParallelLoad() {
    }

    static Content load(Path contentDir, Path displayBase, Set<String> only) throws IOException {
        return load(contentDir, displayBase, only, null, null, null, null);
    }

    /**
     * @param cache parsed files kept between builds ({@code serve}), or null
     * @param settings site and platform settings already read ({@link ContentLoader#loadSettings()}), or null
     * @param flexmark the parser whose trees {@code sink} receives, or null (then no sink)
     */
    static Content load(Path contentDir, Path displayBase, Set<String> only, ContentLoader.Cache cache, Content settings,
                        java.util.function.Function<CharSequence, com.vladsch.flexmark.util.ast.Document> flexmark,
                        ContentLoader.GuideSink sink) throws IOException {
        Path guidesDir = contentDir.resolve("guides");
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> slugs = List.of();
        if (only.isEmpty() && cores >= 2 && Files.isDirectory(guidesDir)) {
            try (Stream<Path> s = Files.list(guidesDir)) {
                // the loader reads files sorted by path: guides/a-b/… before guides/a/…, hence the "/"
                slugs = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted((a, b) -> (a + "/").compareTo(b + "/")).toList();
            }
        }
        if (slugs.size() < MIN) return withSettingsProblems(loader(contentDir, displayBase, cache, settings, flexmark, sink).load(only), settings);
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i += PART) parts.add(slugs.subList(i, Math.min(slugs.size(), i + PART)));
        Content first = settings != null ? settings : new ContentLoader(contentDir, displayBase).loadSettings();
        List<Content> loaded = Parallel.map(parts, part -> loader(contentDir, displayBase, cache, first, flexmark, sink).load(part));
        List<Guide> guides = new ArrayList<>();
        Set<Problem> problems = new LinkedHashSet<>(first.problems());
        for (Content c : loaded) {
            guides.addAll(c.guides());
            // a folder without guide files is no error when all guides are loaded; the parts name their folders
            for (Problem p : c.problems()) if (p.kind() != Problem.Kind.UNKNOWN_SLUG) problems.add(p);
        }
        List<Problem> sorted = new ArrayList<>(problems);
        java.util.Collections.sort(sorted);
        return new Content(first.site(), first.platforms(), guides, sorted);
    }

    private static ContentLoader loader(Path contentDir, Path displayBase, ContentLoader.Cache cache, Content settings,
                                        java.util.function.Function<CharSequence, com.vladsch.flexmark.util.ast.Document> flexmark,
                                        ContentLoader.GuideSink sink) {
        ContentLoader l = new ContentLoader(contentDir, displayBase).withCache(cache);
        if (settings != null) l.withSettings(settings);
        if (sink != null) l.withSink(flexmark, sink);
        return l;
    }

    /** A loader given settings leaves their problems out: add them back. */
    private static Content withSettingsProblems(Content c, Content settings) {
        if (settings == null || settings.problems().isEmpty()) return c;
        Set<Problem> all = new LinkedHashSet<>(settings.problems());
        all.addAll(c.problems());
        List<Problem> sorted = new ArrayList<>(all);
        java.util.Collections.sort(sorted);
        return new Content(c.site(), c.platforms(), c.guides(), sorted);
    }
}
