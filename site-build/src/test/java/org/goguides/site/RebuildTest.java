package org.goguides.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.model.Content;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.results.ResultStore;

/** A builder kept for {@code serve} reuses unchanged work, and never shows a stale page. */
class RebuildTest {
    @TempDir
    Path tmp;

    @Test
    void aRebuildShowsEveryChangeToTextResultsAndTemplates() throws Exception {
        Path content = tmp.resolve("content");
        copy(GoldenSiteTest.FIXTURE.resolve("content"), content);
        Path templates = tmp.resolve("templates");
        copy(Path.of("../templates"), templates);
        Path results = tmp.resolve("results");
        Files.createDirectories(results);
        Path site = tmp.resolve("site");
        SiteBuilder builder = SiteBuilder.forRebuilds();
        SiteBuilder.Options o = new SiteBuilder.Options(content, templates, List.of(results), site, Set.of(), tmp);
        assertTrue(builder.build(o).ok());
        assertEquals("unverified", status(site, "demo/passed"));

        Path en = content.resolve("guides/demo/index.en.md");
        Files.writeString(en, Files.readString(en, StandardCharsets.UTF_8).replace("## Passed", "## Passed, edited 已修改"), StandardCharsets.UTF_8);
        assertTrue(builder.build(o).ok());
        assertTrue(Files.readString(site.resolve("en/demo/index.html"), StandardCharsets.UTF_8).contains("Passed, edited 已修改"));

        Content c = new ContentLoader(content, tmp).load();
        ResultStore.write(results, GoldenSiteTest.run(GoldenSiteTest.linux(), "2026-11-20T10:00:00Z", c.guide("demo", "en").orElseThrow(),
                Map.of("passed", "passed")));
        assertTrue(builder.build(o).ok());
        assertEquals("passed", status(site, "demo/passed"), "new results reach an unchanged guide");

        Path partial = templates.resolve("partials/snippet.ftlh");
        Files.writeString(partial, Files.readString(partial, StandardCharsets.UTF_8) + "<!-- template edited -->\n", StandardCharsets.UTF_8);
        partial.toFile().setLastModified(System.currentTimeMillis() + 5000);
        assertTrue(builder.build(o).ok());
        assertTrue(Files.readString(site.resolve("en/demo/index.html"), StandardCharsets.UTF_8).contains("<!-- template edited -->"),
                "a changed template is read again");
    }

    static String status(Path site, String key) throws Exception {
        return Jsoup.parse(Files.readString(site.resolve("en/demo/index.html"), StandardCharsets.UTF_8))
                .selectFirst("[data-snippet-id=" + key + "]").attr("data-status");
    }

    static void copy(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
