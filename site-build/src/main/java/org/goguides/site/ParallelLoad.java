package org.goguides.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.vladsch.flexmark.util.ast.Document;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.GuideFiles;
import org.goguides.checks.parse.ParsedContent;
import org.goguides.checks.parse.ParsedGuide;
import org.goguides.site.render.Parallel;

/**
 * Parses the guides on every core, and renders each guide's page from the tree it was just parsed into, so a
 * build parses every guide once and holds only the trees of the guides in hand, never all of them. The listed
 * guide files are split into short contiguous runs of folders ({@link GuideFiles#parts}; one folder when pages are
 * rendered), which the workers take in turn, each parsed by its own {@link ContentLoader} and then rendered; the parts are joined in order,
 * problems deduplicated and sorted, so the content equals one sequential load. Small sites and builds of
 * chosen guides are parsed in one go, then rendered on every core.
 *
 * <p>Pages are rendered before the whole content is known to be free of authoring errors: a part with a
 * problem, and every part after one, renders nothing, and the caller writes nothing when there is a problem
 * anywhere; a page that fails to render is reported only when there is none ({@link Loaded#pages()}).
 */
final class ParallelLoad {
    /** Below this many guide folders one loader is as fast. */
    private static final int MIN = 64;
    /** Guide folders per part when only loading: small enough that the workers finish together, large enough to cost nothing. */
    private static final int PART = 16;
    /**
     * Guide folders per part when pages are rendered: one, so a worker holds the trees of one guide's translations
     * only (16 folders' trees, parsed before the first page was rendered, outlived the young generation: a 1,000-page
     * build's peak RSS grew by about 30 MB under the launcher's serial GC).
     */
    private static final int RENDER_PART = 1;

    private ParallelLoad() {
    }

    /** Renders one published guide's page from its tree (null: none, parse it again). */
    @FunctionalInterface
    interface Pages {
        GuidePages.Written render(Guide g, Document tree) throws IOException;
    }

    /**
     * The guides loaded, and the page of each published guide in their order; no pages when the content has a problem.
     *
     * @param failure the first page that could not be rendered, thrown by {@link #pages()}
     */
    record Loaded(Content content, List<GuidePages.Written> written, Exception failure) {
        /** The pages, or the failure of the first page that could not be rendered. */
        List<GuidePages.Written> pages() throws IOException {
            if (failure instanceof IOException e) throw e;
            if (failure instanceof RuntimeException e) throw e;
            return written;
        }
    }

    /** The content alone, no page rendered. */
    static Content load(Path contentDir, Path displayBase, GuideFiles files, Set<String> only, Rebuilds rebuilds, Content settings)
            throws IOException {
        return load(contentDir, displayBase, files, only, rebuilds, settings, null).content();
    }

    /**
     * @param files the guide files, listed once for the whole build
     * @param only the chosen slugs, all when empty
     * @param rebuilds guide folders parsed by earlier builds ({@code serve}), reused while their files are unchanged
     * @param settings site and platform settings already read ({@link ContentLoader#loadSettings()})
     * @param pages renders a page, null to render none
     */
    static Loaded load(Path contentDir, Path displayBase, GuideFiles files, Set<String> only, Rebuilds rebuilds, Content settings,
                       Pages pages) throws IOException {
        Renders renders = new Renders(pages, settings.problems().isEmpty());
        if (rebuilds.keepsGuides() && only.isEmpty()) {
            // a folder at a time, each parsed again only when its files changed
            return renders.joined(settings, Parallel.map(files.parts(1), part -> renders.part(rebuilds.folder(part, settings,
                    () -> loader(contentDir, displayBase, settings).parsePart(part)))));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (!only.isEmpty() || cores < 2 || files.folders() < MIN) {
            ParsedContent parsed = loader(contentDir, displayBase, settings).parse(files, only);
            Content c = withSettingsProblems(parsed.content(), settings);
            return renders.all(c, parsed.parsed());
        }
        return renders.joined(settings, Parallel.map(files.parts(pages == null ? PART : RENDER_PART),
                part -> renders.part(loader(contentDir, displayBase, settings).parsePart(part))));
    }

    /** The pages of one build's guides, rendered while the content has no problem. */
    private static final class Renders {
        private final Pages pages;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        Renders(Pages pages, boolean clean) {
            this.pages = pages;
            if (pages == null || !clean) stopped.set(true);
        }

        /** A part parsed, with the pages of its published guides when it has no problem and none before it had. */
        Loaded part(ParsedContent p) {
            Content c = p.content();
            if (!c.problems().isEmpty()) stopped.set(true);
            List<GuidePages.Written> out = new ArrayList<>();
            for (int i = 0; i < c.guides().size() && !stopped.get(); i++) {
                Guide g = c.guides().get(i);
                // each tree is taken, rendered and dropped: the part keeps no tree of a page already written
                Document tree = i < p.parsed().size() ? p.parsed().get(i).takeTree() : null;
                if (!g.meta().draft()) page(g, tree, out);
            }
            return new Loaded(pages == null ? c : withoutTexts(c), out, null);
        }

        /** All guides loaded at once: their pages rendered on every core. */
        Loaded all(Content c, List<ParsedGuide> parsed) throws IOException {
            if (!c.problems().isEmpty()) stopped.set(true);
            List<Integer> published = new ArrayList<>();
            for (int i = 0; i < c.guides().size(); i++) if (!c.guides().get(i).meta().draft()) published.add(i);
            List<GuidePages.Written> out = new ArrayList<>();
            for (List<GuidePages.Written> one : Parallel.map(published, i -> {
                List<GuidePages.Written> page = new ArrayList<>(1);
                if (!stopped.get()) page(c.guides().get(i), i < parsed.size() ? parsed.get(i).takeTree() : null, page);
                return page;
            })) {
                out.addAll(one);
            }
            return new Loaded(c, stopped.get() ? List.of() : out, failure.get());
        }

        private void page(Guide g, Document tree, List<GuidePages.Written> out) {
            try {
                out.add(pages.render(g, tree));
            } catch (IOException | RuntimeException e) {
                // kept for when the content turns out to have no problem: then it is the build's error
                failure.compareAndSet(null, e);
                stopped.set(true);
            }
        }

        /** Parts loaded one by one, as one content: guides in order, problems deduplicated and sorted. */
        Loaded joined(Content settings, List<Loaded> loaded) {
            List<Guide> guides = new ArrayList<>();
            List<GuidePages.Written> written = new ArrayList<>();
            Set<Problem> problems = new LinkedHashSet<>(settings.problems());
            for (Loaded c : loaded) {
                guides.addAll(c.content().guides());
                problems.addAll(c.content().problems());
                written.addAll(c.written());
            }
            List<Problem> sorted = new ArrayList<>(problems);
            java.util.Collections.sort(sorted);
            return new Loaded(new Content(settings.site(), settings.platforms(), guides, sorted), stopped.get() ? List.of() : written,
                    failure.get());
        }
    }

    /**
     * The content with its guides' texts dropped once their pages are made: what the rest of a build reads of a
     * guide is its front matter and snippets, and 5,000 kept texts were a sixth of the heap, copied by every
     * collection that promoted them.
     */
    private static Content withoutTexts(Content c) {
        List<Guide> guides = new ArrayList<>(c.guides().size());
        for (Guide g : c.guides()) guides.add(g.withoutText());
        return new Content(c.site(), c.platforms(), guides, c.problems());
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
