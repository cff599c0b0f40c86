package org.goguides.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.GuideFiles;

/** The parallel load equals one sequential load, problems included. */
class ParallelLoadTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderWithoutGuideFilesIsNoProblemInAPartAsInOneLoad() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "the parallel path needs two cores");
        for (int i = 0; i < 70; i++) {
            Path g = Files.createDirectories(tmp.resolve("guides").resolve(String.format("g%02d", i)));
            if (i == 33) continue; // a folder with no guide files, inside one of the parts
            Files.writeString(g.resolve("index.en.md"), "---\ntitle: Guide " + i + "\n---\n\nText.\n", StandardCharsets.UTF_8);
        }
        Files.writeString(tmp.resolve("guides/g05/index.en.md"), "---\ntitle: [unclosed\n---\n", StandardCharsets.UTF_8);
        Content one = new ContentLoader(tmp, tmp).load();
        Content settings = new ContentLoader(tmp, tmp).loadSettings();
        GuideFiles files = GuideFiles.list(tmp.resolve("guides"));
        Content parts = ParallelLoad.load(tmp, tmp, files, Set.of(), Rebuilds.NONE, settings);
        assertEquals(one.guides().size(), parts.guides().size());
        assertEquals(one.problems(), parts.problems(), "the same problems: a part's empty folder is not one of them");
        assertEquals(1, parts.problems().size(), "the broken front matter is still reported: " + parts.problems());
        // serve's load, a folder at a time and reused while unchanged, says the same, also the second time
        Rebuilds kept = Rebuilds.kept();
        for (int build = 0; build < 2; build++) {
            Content served = ParallelLoad.load(tmp, tmp, files, Set.of(), kept, settings);
            kept.loaded();
            assertEquals(parts.guides().stream().map(g -> g.slug() + "/" + g.locale()).toList(),
                    served.guides().stream().map(g -> g.slug() + "/" + g.locale()).toList());
            assertEquals(parts.problems(), served.problems());
        }
        List<Problem> asked = new ContentLoader(tmp, tmp).load(List.of("g33")).problems();
        assertEquals(List.of(Problem.Kind.UNKNOWN_SLUG), asked.stream().map(Problem::kind).toList(), asked.toString());
        assertEquals("no guide with slug \"g33\"", asked.get(0).message());
    }
}
