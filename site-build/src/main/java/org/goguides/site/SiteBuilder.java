package org.goguides.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.GuideFiles;
import org.goguides.checks.parse.Series;
import org.goguides.checks.results.ResultStore;
import org.goguides.site.view.BuildException;
import org.goguides.site.render.GitInfo;
import org.goguides.site.render.Parallel;
import org.goguides.site.render.Phases;
import org.goguides.site.render.SiteUrl;
import org.goguides.site.render.SiteWriter;
import org.goguides.site.view.ResultIndex;

/**
 * Renders the site from content, templates and any number of results files: a page per guide
 * translation, an index and a verification overview per language, a language choice at the root,
 * 404 pages, fingerprinted assets, a search index per language, sitemap.xml and robots.txt. Refuses to
 * build when the content has authoring errors or a page has a broken internal link; writes atomically.
 * The work is done by {@link GuideListing} (what there is), {@link ParallelLoad} (the guides),
 * {@link GuidePages} (a guide page each) and {@link SiteIndexes} (the rest); {@link Rebuilds} is what {@code serve} keeps.
 */
public final class SiteBuilder {
    private final Rebuilds rebuilds;

    /** A builder for one build. */
    public SiteBuilder() {
        this(Rebuilds.NONE);
    }

    /** A builder for many builds of the same site ({@code serve}): see {@link Rebuilds}. */
    public static SiteBuilder forRebuilds() {
        return new SiteBuilder(Rebuilds.kept());
    }

    private SiteBuilder(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /**
     * @param content the content folder
     * @param templates the templates folder (with {@code static/} and {@code i18n/})
     * @param results results folders or files to merge
     * @param out the site folder to (re)place
     * @param guides slugs to build, all when empty
     * @param displayBase paths in messages are relative to this folder
     * @param maxAge the age after which a result is marked as old
     * @param baseUrl the site's URL, overriding site.yml's when not blank
     */
    public record Options(Path content, Path templates, List<Path> results, Path out, Set<String> guides, Path displayBase,
                          Duration maxAge, String baseUrl) {
        /** With the default age after which a result is marked as old. */
        public Options(Path content, Path templates, List<Path> results, Path out, Set<String> guides, Path displayBase) {
            this(content, templates, results, out, guides, displayBase, ResultIndex.DEFAULT_MAX_AGE);
        }

        /** With site.yml's base URL. */
        public Options(Path content, Path templates, List<Path> results, Path out, Set<String> guides, Path displayBase, Duration maxAge) {
            this(content, templates, results, out, guides, displayBase, maxAge, "");
        }
    }

    /** What a build did: pages written, authoring errors (then nothing was written), warnings about results. */
    public record Report(int pages, List<Problem> problems, List<Problem> warnings) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Builds the site: the guide folder is listed once and the guides parsed on every core (the parse stage), each
     * guide's page rendered from the tree of its parse, written to the staged folder and link-scanned as soon as
     * the guide is parsed ({@link ParallelLoad}); then the rest of the site. Any error, an authoring error anywhere
     * included, discards the staged folder: nothing is written.
     */
    public Report build(Options o) throws IOException {
        Phases.mark("(before the build)");
        // git, the guide files and the results files are read in the background while the settings are read here
        CompletableFuture<GitInfo> git = CompletableFuture.supplyAsync(() -> GitInfo.read(o.content()), Parallel.BACKGROUND);
        CompletableFuture<GuideFiles> files = CompletableFuture.supplyAsync(() -> GuideFiles.list(o.content().resolve("guides")), Parallel.BACKGROUND);
        CompletableFuture<GuideListing.Scan> listed = files.thenApplyAsync(f -> {
            try {
                return GuideListing.scan(f, o.guides());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Parallel.BACKGROUND);
        List<Problem> resultWarnings = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<ResultIndex> results = CompletableFuture.supplyAsync(() -> new ResultIndex(
                ResultStore.loadAll(o.results(), resultWarnings), ResultStore.history(o.results(), resultWarnings), Instant.now(), o.maxAge()),
                Parallel.BACKGROUND);
        Content settings = SiteUrl.withBaseUrl(new ContentLoader(o.content(), o.displayBase()).loadSettings(), o.baseUrl());
        Phases.mark("settings");
        // the reading order (a sort of every guide) is made in the background too, once the headers are read
        CompletableFuture<GuideListing> ordered = listed.thenApplyAsync(scan -> scan.forSite(settings.site()), Parallel.BACKGROUND);
        // what the pages share is made here while the background reads; its failure is thrown where it was before
        Early<GuidePages.Shared> shared = Early.of(() -> GuidePages.Shared.of(settings, o.templates(), rebuilds));
        Phases.mark("templates, text and assets");
        ResultIndex index = results.join();
        List<Problem> warnings = new ArrayList<>(resultWarnings);
        Phases.mark("results (waited)");
        GuideListing listing = join(ordered);
        Phases.mark("listing (waited)");
        int pages;
        try (SiteWriter.Staged staged = SiteWriter.stage(o.out())) {
            GuidePages guidePages = new GuidePages(settings, listing, index, o.templates(), shared.get(), git::join, rebuilds, staged);
            Phases.mark("guide pages set up");
            // a page per guide, on every core, rendered from the tree of the guide's one parse as soon as it is parsed;
            // each is written and link-scanned as it is made, and its tree dropped
            ParallelLoad.Loaded loaded = ParallelLoad.load(o.content(), o.displayBase(), files.join(), o.guides(), rebuilds, settings,
                    guidePages::render);
            rebuilds.loaded();
            Phases.mark("load and guide pages");
            Content content = loaded.content();
            List<Problem> problems = new ArrayList<>(content.problems());
            if (o.guides().isEmpty()) problems.addAll(Series.problems(content.guides())); // after: links
            if (!problems.isEmpty()) return new Report(0, problems.stream().sorted().toList(), List.of());
            content = published(content);
            List<GuidePages.Written> inOrder = loaded.pages();
            SiteIndexes.Rendered site = SiteIndexes.write(content, guidePages, inOrder, staged);
            if (!site.brokenLinks().isEmpty()) {
                // printed as is by the command line, which exits with 2; nothing is written
                throw new BuildException(String.join("\n", site.brokenLinks()) + "\n" + site.brokenLinks().size()
                        + (site.brokenLinks().size() == 1 ? " broken link" : " broken links") + "; nothing was written");
            }
            staged.commit();
            pages = site.pages();
            Phases.mark("commit");
            if (git.join().shallow()) warnings.add(Problem.at(String.valueOf(o.content()), 1,
                    "shallow git clone: \"last updated\" is left out for guides whose history is cut off (fetch with fetch-depth: 0)"));
            if (content.site().baseUrl().isBlank()) warnings.add(Problem.at(siteFile(o), 1,
                    "no site URL (--base-url, Netlify's URL or baseUrl in site.yml): sitemap.xml, canonical and OpenGraph URLs are relative and no social cards are made"));
        }
        return new Report(pages, List.of(), warnings);
    }

    /** A step that may fail with an I/O error. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException;
    }

    /** The value of a step run ahead of where it is needed, or its failure, thrown when the value is asked for: errors keep their order. */
    private record Early<T>(T value, Exception failure) {
        static <T> Early<T> of(Step<T> step) {
            try {
                return new Early<>(step.run(), null);
            } catch (IOException | RuntimeException e) {
                return new Early<>(null, e);
            }
        }

        T get() throws IOException {
            if (failure instanceof IOException e) throw e;
            if (failure instanceof RuntimeException e) throw e;
            return value;
        }
    }

    /** The value of a background task, its I/O failure thrown as such. */
    private static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            throw e;
        }
    }

    /** The content without its drafts: they are checked and linted, never published. */
    private static Content published(Content c) {
        if (c.guides().stream().noneMatch(g -> g.meta().draft())) return c;
        return new Content(c.site(), c.platforms(), c.guides().stream().filter(g -> !g.meta().draft()).toList(), c.problems());
    }

    /** The site settings file as the user names it (under {@code --content}, relative to where the command runs). */
    private static String siteFile(Options o) {
        Path f = o.content().resolve("site.yml").toAbsolutePath().normalize();
        Path base = o.displayBase().toAbsolutePath().normalize();
        return (f.startsWith(base) ? base.relativize(f) : f).toString().replace('\\', '/');
    }
}
