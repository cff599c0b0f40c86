package org.goguides.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.vladsch.flexmark.util.ast.Document;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.GuideFiles;

/**
 * The parallel load equals one sequential load, problems included; each published guide's page is rendered
 * from the tree of the guide's one parse, and none when the content has a problem.
 */
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

    /** {@code n} guide folders under {@code root} (the parallel path from 64 on two cores or more), g07 a draft. */
    private static GuideFiles guides(Path root, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Path g = Files.createDirectories(root.resolve("guides").resolve(String.format("g%02d", i)));
            Files.writeString(g.resolve("index.en.md"), "---\ntitle: Guide " + i + (i == 7 ? "\ndraft: true" : "")
                    + "\n---\n\n## Step\n\nText.\n", StandardCharsets.UTF_8);
        }
        return GuideFiles.list(root.resolve("guides"));
    }

    @Test
    void everyPublishedPageIsRenderedFromTheTreeOfItsOneParse() throws Exception {
        for (int n : new int[] {70, 3}) { // parts on every core, and a small site parsed in one go
            Path dir = Files.createDirectories(tmp.resolve("site-" + n));
            GuideFiles files = guides(dir, n);
            Content settings = new ContentLoader(dir, dir).loadSettings();
            Map<String, Document> trees = new ConcurrentHashMap<>();
            ParallelLoad.Loaded loaded = ParallelLoad.load(dir, dir, files, Set.of(), Rebuilds.NONE, settings, (g, tree) -> {
                assertNotNull(tree, g.slug() + " was rendered without the tree of its parse");
                assertNull(trees.put(g.slug(), tree), g.slug() + " rendered twice");
                return null;
            });
            assertEquals(n - (n > 7 ? 1 : 0), loaded.pages().size(), "a page per published guide, the draft left out");
            assertEquals(n - (n > 7 ? 1 : 0), trees.size());
            Map<Document, Boolean> distinct = new IdentityHashMap<>();
            trees.values().forEach(t -> distinct.put(t, true));
            assertEquals(trees.size(), distinct.size(), "a tree per guide");
            if (n > 7) assertTrue(!trees.containsKey("g07"), "the draft is not rendered");
        }
    }

    @Test
    void serveRendersFromANewTreeOnlyTheGuidesOfAChangedFolder() throws Exception {
        GuideFiles files = guides(tmp, 20);
        Content settings = new ContentLoader(tmp, tmp).loadSettings();
        Rebuilds kept = Rebuilds.kept();
        Set<String> withTree = Collections.synchronizedSet(new HashSet<>());
        Set<String> without = Collections.synchronizedSet(new HashSet<>());
        ParallelLoad.Pages pages = (g, tree) -> {
            (tree != null ? withTree : without).add(g.slug());
            return null;
        };
        ParallelLoad.load(tmp, tmp, files, Set.of(), kept, settings, pages);
        kept.loaded();
        assertEquals(19, withTree.size());
        assertEquals(Set.of(), without);
        withTree.clear();
        Files.writeString(tmp.resolve("guides/g03/index.en.md"), "---\ntitle: Guide 3, changed\n---\n\nText.\n", StandardCharsets.UTF_8);
        ParallelLoad.load(tmp, tmp, GuideFiles.list(tmp.resolve("guides")), Set.of(), kept, settings, pages);
        assertEquals(Set.of("g03"), withTree, "only the changed folder is parsed again, and its page rendered from that tree");
        assertEquals(18, without.size(), "the others are rendered from their kept guides (GuidePages reuses their bodies)");
    }

    @Test
    void withAProblemAnywhereNoPageIsKeptAndARenderFailureWaitsForTheProblems() throws Exception {
        GuideFiles files = guides(tmp, 70);
        Content settings = new ContentLoader(tmp, tmp).loadSettings();
        IOException broken = new IOException("template error");
        ParallelLoad.Pages failing = (g, tree) -> {
            if (g.slug().equals("g40")) throw broken;
            return null;
        };
        ParallelLoad.Loaded clean = ParallelLoad.load(tmp, tmp, files, Set.of(), Rebuilds.NONE, settings, failing);
        assertEquals(List.of(), clean.content().problems());
        assertSame(broken, assertThrows(IOException.class, clean::pages), "without a problem the page's failure is the build's");
        Files.writeString(tmp.resolve("guides/g60/index.en.md"), "---\ntitle: [unclosed\n---\n", StandardCharsets.UTF_8);
        ParallelLoad.Loaded bad = ParallelLoad.load(tmp, tmp, GuideFiles.list(tmp.resolve("guides")), Set.of(), Rebuilds.NONE, settings,
                (g, tree) -> null);
        assertEquals(1, bad.content().problems().size(), bad.content().problems().toString());
        assertEquals(List.of(), bad.pages(), "no page of a content with a problem is kept");
    }
}
