package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The guide files of this repository ({@code content/guides}), for tests that read every real guide. */
final class RepositoryGuides {
    private RepositoryGuides() {
    }

    /** Every {@code .md} under {@code ../content/guides} (the module's folder is the working directory); more than ten of them. */
    static List<Path> files() throws IOException {
        List<Path> guides;
        try (Stream<Path> s = Files.walk(Path.of("../content/guides"))) {
            guides = s.filter(p -> p.toString().endsWith(".md")).toList();
        }
        assertTrue(guides.size() > 10, guides.toString());
        return guides;
    }
}
