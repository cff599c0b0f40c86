package org.goguides.checks.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One translation of a guide: {@code content/guides/<slug>/index.<locale>.md}.
 *
 * @param slug the folder name, shared by all translations
 * @param locale the language code from the file name
 * @param file the file on disk
 * @param displayPath the path used in messages
 * @param meta the front matter
 * @param markdown the whole file, normalised (no BOM, LF line endings)
 * @param snippets every fenced block except {@code output} blocks, in document order
 */
public record Guide(String slug, String locale, Path file, String displayPath, FrontMatter meta, String markdown,
                    List<Snippet> snippets) {
    public Guide {
        snippets = List.copyOf(snippets);
    }

    /**
     * This guide without its text ({@link #markdown()} empty), for a caller that keeps many guides after it has
     * parsed and rendered them (the site build keeps every guide's front matter and snippets for its indexes, and
     * would otherwise hold the text of every guide until the end).
     */
    public Guide withoutText() {
        return markdown.isEmpty() ? this : new Guide(slug, locale, file, displayPath, meta, "", snippets);
    }

    public List<Snippet> executable() {
        return snippets.stream().filter(Snippet::executable).toList();
    }

    public Optional<Snippet> snippet(String id) {
        return snippets.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
