package org.goguides.checks.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.UniqueId;

import org.goguides.checks.parse.ContentLoader;

/**
 * What a discovery request asks of one content folder (the folder with {@code guides/}): all of it,
 * some guides (a guide's folder), some translations (a guide file), some steps (a guide file with a
 * line) or unique ids. Selectors are resolved to a content folder here; {@link GuidesTestEngine} builds
 * the folder's tests once and keeps what was asked for and what it builds on.
 */
final class Selection {
    /** A guide file asked for, with the line of one of its steps (null: the whole translation). */
    record File(Path path, String slug, String locale, Integer line) {
        String key() {
            return slug + "@" + locale;
        }
    }

    final Path content;
    boolean all;
    final Set<String> slugs = new LinkedHashSet<>();
    final List<File> files = new ArrayList<>();
    final List<UniqueId> ids = new ArrayList<>();

    Selection(Path content) {
        this.content = content;
    }

    /**
     * The slugs to load (empty: all): those asked for, narrowed to {@code only} (the {@code goguides.guides}
     * parameter) when it names some; null when nothing asked for is left.
     */
    Set<String> slugsToLoad(Set<String> only) {
        if (all || !ids.isEmpty()) return only;
        Set<String> out = new LinkedHashSet<>(slugs);
        files.forEach(f -> out.add(f.slug()));
        if (!only.isEmpty()) out.retainAll(only);
        return out.isEmpty() ? null : out;
    }

    /** The guide files asked for by path, so that a translation runs even where its twin would run for it. */
    Set<Path> preferredFiles() {
        Set<Path> out = new LinkedHashSet<>();
        files.forEach(f -> out.add(f.path()));
        return out;
    }

    /** What a directory stands for: a content folder, its {@code guides/} folder, or a folder in one guide's folder. */
    record Scope(Path content, String slug) {
    }

    /**
     * The content folder and guide a directory selects: a folder with {@code guides/}, {@code site.yml} or
     * {@code platforms.yml} in it (every guide), a
     * {@code guides} folder (every guide), or a guide's folder or a folder below it (that guide).
     */
    static Optional<Scope> ofDirectory(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(d.resolve("guides")) || Files.isRegularFile(d.resolve("site.yml")) || Files.isRegularFile(d.resolve("platforms.yml"))) {
            return Optional.of(new Scope(d, null));
        }
        for (Path a = d; a != null && a.getParent() != null; a = a.getParent()) {
            if (a.getFileName().toString().equals("guides")) {
                return Optional.of(new Scope(a.getParent(), a.equals(d) ? null : a.relativize(d).getName(0).toString()));
            }
        }
        return Optional.empty();
    }

    /** The content folder, slug and language of a guide file ({@code <content>/guides/<slug>/index.<lang>.md}), if it is one. */
    static Optional<File> ofFile(Path file, Integer line) {
        Path f = file.toAbsolutePath().normalize();
        Path guideDir = f.getParent();
        Path guides = guideDir == null ? null : guideDir.getParent();
        if (guides == null || guides.getParent() == null || !guides.getFileName().toString().equals("guides")) return Optional.empty();
        String lang = ContentLoader.guideLanguage(guides, f);
        if (lang == null) return Optional.empty();
        return Optional.of(new File(f, guideDir.getFileName().toString(), lang, line));
    }
}
