package org.goguides.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.GuideFiles;
import org.goguides.site.render.Parallel;

/**
 * Parses the guides on every core: the listed guide files are split into short contiguous runs of
 * folders ({@link GuideFiles#parts}), which the workers take in turn, each loaded by its own
 * {@link ContentLoader}, and the parts are joined in order, problems deduplicated and sorted, so the
 * result equals one sequential load. Small sites and builds of chosen guides load in one go.
 */
final class ParallelLoad {
    /** Below this many guide folders one loader is as fast. */
    private static final int MIN = 64;
    /** Guide folders per part: small enough that the workers finish together, large enough to cost nothing. */
    private static final int PART = 16;

    private ParallelLoad() {
    }

    /**
     * @param files the guide files, listed once for the whole build
     * @param only the chosen slugs, all when empty
     * @param rebuilds guide folders parsed by earlier builds ({@code serve}), reused while their files are unchanged
     * @param settings site and platform settings already read ({@link ContentLoader#loadSettings()})
     */
    static Content load(Path contentDir, Path displayBase, GuideFiles files, Set<String> only, Rebuilds rebuilds, Content settings)
            throws IOException {
        if (rebuilds.keepsGuides() && only.isEmpty()) {
            // a folder at a time, each parsed again only when its files changed
            List<Content> loaded = Parallel.map(files.parts(1), part -> rebuilds.folder(part, settings,
                    () -> loader(contentDir, displayBase, settings).loadPart(part)));
            return joined(settings, loaded);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (!only.isEmpty() || cores < 2 || files.folders() < MIN) {
            return withSettingsProblems(loader(contentDir, displayBase, settings).load(files, only), settings);
        }
        return joined(settings, Parallel.map(files.parts(PART), part -> loader(contentDir, displayBase, settings).loadPart(part)));
    }

    /** Parts loaded one by one, as one content: guides in order, problems deduplicated and sorted. */
    private static Content joined(Content settings, List<Content> loaded) {
        List<Guide> guides = new ArrayList<>();
        Set<Problem> problems = new LinkedHashSet<>(settings.problems());
        for (Content c : loaded) {
            guides.addAll(c.guides());
            problems.addAll(c.problems());
        }
        List<Problem> sorted = new ArrayList<>(problems);
        java.util.Collections.sort(sorted);
        return new Content(settings.site(), settings.platforms(), guides, sorted);
    }

    private static ContentLoader loader(Path contentDir, Path displayBase, Content settings) {
        return new ContentLoader(contentDir, displayBase).withSettings(settings);
    }

    /** A loader given settings leaves their problems out: add them back. */
    private static Content withSettingsProblems(Content c, Content settings) {
        if (settings.problems().isEmpty()) return c;
        Set<Problem> all = new LinkedHashSet<>(settings.problems());
        all.addAll(c.problems());
        List<Problem> sorted = new ArrayList<>(all);
        java.util.Collections.sort(sorted);
        return new Content(c.site(), c.platforms(), c.guides(), sorted);
    }
}
