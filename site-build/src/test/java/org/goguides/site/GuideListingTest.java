package org.goguides.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.GuideFiles;

/**
 * The listing of guide files and their headers, read on every core, is the listing read one file after another in
 * order: the same files (a linked file included, a folder named like one left out), the same front matter, and
 * the first unreadable file's error.
 */
class GuideListingTest {
    @TempDir
    Path tmp;

    @Test
    void theHeadersReadOnEveryCoreAreThoseReadInOrder() throws Exception {
        Path guides = tmp.resolve("guides");
        for (int i = 0; i < 300; i++) {
            Path g = Files.createDirectories(guides.resolve(String.format("g%03d", i)));
            // long headers too: the front matter of some guides is longer than the first bytes read of a file
            String head = "---\ntitle: Guide " + i + "\nsummary: " + "长".repeat(i % 7 == 0 ? 2_000 : 1) + (i % 5 == 0 ? "\ndraft: true" : "")
                    + (i > 0 ? "\nafter: " + String.format("g%03d", i - 1) : "") + "\n---\n";
            Files.writeString(g.resolve("index.en.md"), head + "\n## Step\n\n" + "Text.\n".repeat(3_000), StandardCharsets.UTF_8);
            if (i % 3 == 0) Files.writeString(g.resolve("index.zh.md"), head.replace("Guide", "指南"), StandardCharsets.UTF_8);
        }
        Files.writeString(guides.resolve("stray.md"), "---\ntitle: x\n---\n", StandardCharsets.UTF_8);
        Files.createDirectories(guides.resolve("g001/index.fr.md"));
        Files.createSymbolicLink(guides.resolve("g002/index.zh.md"), guides.resolve("g001/index.en.md"));
        GuideFiles files = GuideFiles.list(guides);
        assertEquals(300 + 100 + 1 + 1, files.files().size(), "guide files, the stray one and the link; not the folder");
        GuideListing.Scan scan = GuideListing.scan(files, Set.of());
        List<GuideListing.Found> inOrder = new ArrayList<>();
        for (Path f : files.files()) {
            String lang = ContentLoader.guideLanguage(guides, f);
            if (lang != null) inOrder.add(new GuideListing.Found(files.slug(f), lang, ContentLoader.peekFrontMatter(f)));
        }
        assertEquals(inOrder, scan.found());
        assertEquals(List.of(inOrder.get(3), inOrder.get(4)), GuideListing.scan(files, Set.of("g002")).found());

        Files.delete(guides.resolve("g150/index.en.md"));
        Files.delete(guides.resolve("g299/index.en.md"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> GuideListing.scan(files, Set.of()));
        assertEquals(guides.resolve("g150/index.en.md").toString(), e.getFile());
    }
}
