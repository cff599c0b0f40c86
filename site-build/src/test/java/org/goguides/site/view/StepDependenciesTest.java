package org.goguides.site.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Content;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.site.render.SiteUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepDependenciesTest {
    @Test
    void exportedVariablesUsedByLaterStepsOfTheSameSessionAreDependencies(@TempDir Path dir) throws IOException {
        Path g = dir.resolve("guides/demo/index.en.md");
        Files.createDirectories(g.getParent());
        Files.writeString(g, """
                ---
                title: Demo
                ---

                ## Pick

                ```sh {#pick}
                export GO_LATEST=go1.26.8 GO_ARCH=arm64
                LOCAL_ONLY=1
                export PATH="$PATH:/usr/local/go/bin"
                ```

                ## Download

                ```console {#fetch}
                $ echo "${GO_LATEST}.darwin-$GO_ARCH.tar.gz" '$NOT_EXPANDED' $LOCAL_ONLY $PATH
                go1.26.8.darwin-arm64.tar.gz $NOT_EXPANDED
                ```

                ```sh {#own}
                GO_LATEST=mine
                echo "$GO_LATEST"
                ```

                ```sh {#other session=other}
                echo "$GO_LATEST"
                ```
                """, StandardCharsets.UTF_8);
        Content c = new ContentLoader(dir, dir).load();
        assertEquals(List.of(), c.problems());
        Map<String, List<Views.DependencyView>> deps = StepDependencies.of(c.guides().get(0));
        assertEquals(List.of(new Views.DependencyView("GO_LATEST", "pick", "Pick"), new Views.DependencyView("GO_ARCH", "pick", "Pick")),
                deps.get("fetch"));
        assertEquals(null, deps.get("own"), "a variable the step sets itself");
        assertEquals(null, deps.get("other"), "another session starts afresh");
    }

    @Test
    void siteUrlComesFromTheFlagThenNetlifysEnvironment() {
        assertEquals("https://a.example", SiteUrl.resolve("https://a.example/", Map.of("URL", "https://b.example")));
        assertEquals("https://b.example", SiteUrl.resolve("", Map.of("URL", "https://b.example", "CONTEXT", "production",
                "DEPLOY_PRIME_URL", "https://main--b.netlify.app")));
        assertEquals("https://deploy-preview-7--b.netlify.app", SiteUrl.resolve("", Map.of("URL", "https://b.example",
                "CONTEXT", "deploy-preview", "DEPLOY_PRIME_URL", "https://deploy-preview-7--b.netlify.app")));
        assertEquals("", SiteUrl.resolve("", Map.of()));
        assertEquals(false, SiteUrl.valid("ftp://x"));
    }

    @Test
    void tocNumbersLevelTwoHeadingsWithoutGaps() {
        List<Views.TocEntry> tree = ViewFactory.tocTree(List.of(new Views.TocEntry("a", "A", 2), new Views.TocEntry("a1", "A1", 3),
                new Views.TocEntry("a2", "A2", 3), new Views.TocEntry("b", "B", 2)));
        assertEquals(List.of("1", "2"), tree.stream().map(Views.TocEntry::number).toList());
        assertEquals(List.of("1.1", "1.2"), tree.get(0).children().stream().map(Views.TocEntry::number).toList());
    }
}
