package org.goguides.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.goguides.checks.model.FrontMatter;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.SiteConfig;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.GuideFiles;
import org.goguides.site.render.Parallel;
import org.goguides.site.view.ReadingOrder;
import org.goguides.site.view.SeriesIndex;
import org.goguides.site.view.ViewFactory;

/**
 * The guide translations a build will render, known before any guide is parsed: for the language
 * links and the sidebar of every page, the series links and the guide whose counts a README badge shows.
 */
record GuideListing(Set<String> translations, Map<String, String> badgeLocale, SeriesIndex series, ReadingOrder order, Set<String> drafts) {

    /** A guide file found on disk, with its front matter. */
    record Found(String slug, String lang, FrontMatter meta) {
    }

    /** The front matter of the chosen guide files, and the series every guide file forms, before the site's languages are known. */
    record Scan(List<Found> found, SeriesIndex series) {
        /** The listing for the site's languages. */
        GuideListing forSite(SiteConfig site) {
            return of(found.stream().filter(k -> site.languages().contains(k.lang())).toList(), site.defaultLanguage(), series);
        }
    }

    /**
     * Reads the front matter of the listed guide files of the chosen slugs (all when empty), and the series
     * (previous/next links) from the front matter of every listed guide, chosen or not. The headers are read on
     * every core, since the first page waits for them; the result and the error (the first unreadable file's)
     * are those of reading them one by one in order.
     */
    static Scan scan(GuideFiles files, Set<String> only) throws IOException {
        List<Path> guideFiles = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        for (Path f : files.files()) {
            String lang = ContentLoader.guideLanguage(files.dir(), f);
            if (lang == null) continue;
            guideFiles.add(f);
            langs.add(lang);
        }
        // each file's front matter read once, for the chosen guides and for the series of all
        List<Object> read = Parallel.map(guideFiles, f -> {
            try {
                return ContentLoader.peekFrontMatter(f);
            } catch (IOException e) {
                return e;
            }
        });
        List<Found> found = new ArrayList<>();
        Map<String, FrontMatter> all = new LinkedHashMap<>();
        for (int i = 0; i < guideFiles.size(); i++) {
            if (read.get(i) instanceof IOException e) throw e;
            FrontMatter meta = (FrontMatter) read.get(i);
            String slug = files.slug(guideFiles.get(i));
            all.put(slug + "/" + langs.get(i), meta);
            if (only.isEmpty() || only.contains(slug)) found.add(new Found(slug, langs.get(i), meta));
        }
        return new Scan(found, SeriesIndex.of(all));
    }

    private static GuideListing of(List<Found> all, String defaultLanguage, SeriesIndex series) {
        Set<String> translations = new HashSet<>();
        Set<String> drafts = new HashSet<>();
        Map<String, String> badge = new HashMap<>();
        List<ReadingOrder.Entry> entries = new ArrayList<>();
        for (Found k : all) {
            if (k.meta().draft()) {
                drafts.add(ViewFactory.translationKey(k.slug(), k.lang()));
                continue;
            }
            translations.add(ViewFactory.translationKey(k.slug(), k.lang()));
            entries.add(new ReadingOrder.Entry(k.slug(), k.lang(), k.meta().title(), k.meta().group(), k.meta().weight()));
            String had = badge.get(k.slug());
            // the default language's translation, else the first
            if (had == null || k.lang().equals(defaultLanguage) && !had.equals(defaultLanguage)) badge.put(k.slug(), k.lang());
        }
        return new GuideListing(translations, badge, series, new ReadingOrder(entries), drafts);
    }

    /** Whether a guide translation is a draft, checked but left out of the site. */
    boolean draft(Guide g) {
        return drafts.contains(ViewFactory.translationKey(g.slug(), g.locale())) || g.meta().draft();
    }
}
