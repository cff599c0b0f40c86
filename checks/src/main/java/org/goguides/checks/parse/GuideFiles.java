package org.goguides.checks.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Markdown files under {@code content/guides}, listed once per load: {@code <slug>/index.<lang>.md}
 * and any stray {@code .md} file beside them (the loader reports those), sorted by path. Every reader of
 * the guides (the loader, its parallel parts, the site's listing of titles and series) takes its files
 * from one listing, so they cannot disagree on which files there are or in which order.
 */
public final class GuideFiles {
    private final Path dir;
    private final List<Path> files;
    private final Map<Path, String> unlisted;

    private GuideFiles(Path dir, List<Path> files, Map<Path, String> unlisted) {
        this.dir = dir;
        this.files = List.copyOf(files);
        this.unlisted = Map.copyOf(unlisted);
    }

    /** Every guide file under {@code guidesDir} (none if the folder does not exist). */
    public static GuideFiles list(Path guidesDir) {
        return list(guidesDir, List.of());
    }

    /** The guide files of the chosen slugs' folders under {@code guidesDir}, or all of them when {@code slugs} is empty. */
    public static GuideFiles list(Path guidesDir, Collection<String> slugs) {
        List<Path> files = new ArrayList<>();
        Map<Path, String> unlisted = new LinkedHashMap<>();
        if (Files.isDirectory(guidesDir)) {
            // chosen guides: only their folders are listed
            List<Path> dirs = slugs.isEmpty() ? List.of(guidesDir) : slugs.stream().sorted().distinct().map(guidesDir::resolve).filter(Files::isDirectory).toList();
            for (Path d : dirs) {
                // the walk's own attributes tell files from folders: no second look at each path, but through a link
                try (Stream<Path> s = Files.find(d, d.equals(guidesDir) ? 2 : 1, (p, a) -> p.toString().endsWith(".md")
                        && (a.isRegularFile() || a.isSymbolicLink() && Files.isRegularFile(p)))) {
                    s.forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    unlisted.put(d, e.getMessage());
                }
            }
            files.sort(null);
        }
        return new GuideFiles(guidesDir, files, unlisted);
    }

    /** The {@code guides} folder. */
    public Path dir() {
        return dir;
    }

    /** The files, sorted by path: those of one folder stand together. */
    public List<Path> files() {
        return files;
    }

    /** Folders that could not be listed, with the reason. */
    public Map<Path, String> unlisted() {
        return unlisted;
    }

    /** The folder name a file stands in (its slug), or its own name for a stray file directly under {@code guides}. */
    public String slug(Path file) {
        return dir.relativize(file).getName(0).toString();
    }

    /** The files of the chosen slugs (all when empty). */
    public GuideFiles only(Collection<String> slugs) {
        if (slugs.isEmpty()) return this;
        return new GuideFiles(dir, files.stream().filter(f -> slugs.contains(slug(f))).toList(), unlisted);
    }

    /** How many folders (and stray files) the files stand in. */
    public int folders() {
        return parts(1).size();
    }

    /**
     * The files in runs of at most {@code folders} folders each, in order, for loading on several cores;
     * the first part carries the folders that could not be listed.
     */
    public List<GuideFiles> parts(int folders) {
        List<GuideFiles> parts = new ArrayList<>();
        List<Path> part = new ArrayList<>();
        String last = null;
        int inPart = 0;
        for (Path f : files) {
            String slug = slug(f);
            if (!slug.equals(last)) {
                if (inPart == folders) {
                    parts.add(new GuideFiles(dir, part, parts.isEmpty() ? unlisted : Map.of()));
                    part = new ArrayList<>();
                    inPart = 0;
                }
                inPart++;
                last = slug;
            }
            part.add(f);
        }
        if (!part.isEmpty() || parts.isEmpty()) parts.add(new GuideFiles(dir, part, parts.isEmpty() ? unlisted : Map.of()));
        return parts;
    }
}
