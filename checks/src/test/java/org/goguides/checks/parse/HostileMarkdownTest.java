package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;

/** Markdown from a hostile pull request: every case an authoring error at path:line, never a crash or a stall (issue 13.5, 13.6, 13.8, 21.4). */
class HostileMarkdownTest {
    private static List<String> problems(String body) {
        List<Problem> problems = new ArrayList<>();
        new GuideParser(PlatformCatalog.builtIn())
                .parse("---\ntitle: t\n---\n" + body, Path.of("g.md"), "g.md", "g", "en", problems);
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void unsafeLinkSchemesAreErrorsWhateverTheirSpelling() {
        for (String url : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "jav&#x61;script:x",
                "jav&#97;script:x", "java&#9;script:x", "java&Tab;script:x", "file:///etc/passwd")) {
            List<String> p = problems("text\n\n[x](" + url + ")\n");
            assertEquals(1, p.size(), url + ": " + p);
            assertTrue(p.get(0).startsWith("g.md:6: unsafe link"), p.get(0));
        }
        assertTrue(problems("![i](javascript:x)\n").get(0).startsWith("g.md:4: unsafe image"));
        assertTrue(problems("[r]\n\n[r]: JAVASCRIPT:x\n").get(0).startsWith("g.md:6: unsafe link"), "a reference definition");
        assertTrue(problems("<javascript:alert(1)>\n").get(0).startsWith("g.md:4: unsafe link"), "an autolink");
        for (String url : List.of("https://go.dev/dl/", "HTTP://x.example", "mailto:a@b.example", "../other/", "#step-1", "page.html?a=b:c",
                "/zh/", "//go.dev")) {
            assertEquals(List.of(), problems("[x](" + url + ")\n"), url);
        }
        assertNull(SafeUrl.unsafeScheme("  https://x.example"));
        assertEquals("javascript", SafeUrl.unsafeScheme("\u0000java\nscript\u200b:x"));
    }

    @Test
    void controlAndBidiCharactersAreReportedPerLine() {
        List<String> p = problems("a\u0000b\n\nok\n\nadmin\u202Eexe.go\n\n\u001b[31mred\n\ttab is fine\n");
        assertEquals(List.of(
                "g.md:4: invisible character U+0000 (NUL) at column 2 (control and bidirectional-override characters are not allowed in a guide: they hide or reorder text)",
                "g.md:8: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at column 6 (control and bidirectional-override characters are not allowed in a guide: they hide or reorder text)",
                "g.md:10: invisible character U+001B (ESC) at column 1 (control and bidirectional-override characters are not allowed in a guide: they hide or reorder text)"), p);
        List<String> many = problems("\u0007\n".repeat(100));
        assertEquals(21, many.size());
        assertEquals("g.md:103: 80 more lines with invisible characters (the first 20 are listed)", many.get(20));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        List<String> quotes = problems(">".repeat(20_000) + " x\n");
        assertEquals(1, quotes.size(), quotes.toString());
        assertTrue(quotes.get(0).startsWith("g.md:") && quotes.get(0).contains("nested"), quotes.get(0));
        List<String> lists = problems("- ".repeat(20_000) + "x\n");
        assertEquals(1, lists.size(), lists.toString());
        List<String> moderate = problems("> ".repeat(100) + "x\n");
        assertEquals(List.of("g.md:4: Markdown nested more than 64 levels deep (quotes, lists and emphasis inside each other); flatten it"), moderate);
        assertEquals(List.of(), problems("> ".repeat(10) + "x\n"));
    }

    @Test
    void aGuideOverTheSizeLimitIsReportedUnread() {
        List<String> p = problems("word ".repeat(110_000));
        assertEquals(List.of("g.md:1: the guide is 538 KiB, more than the 512 KiB a guide may have (split it into several guides); it was not read further"), p);
    }

    @Test
    void quadraticInputsStopAtTheBudget() {
        String old = System.getProperty("goguides.markdown.budgetMs");
        System.setProperty("goguides.markdown.budgetMs", "50");
        try {
            // each takes flexmark core seconds at this size on JDK 17 (7-13 s of CPU), but the JIT of JDK 25 parses the
            // first in 0.22-0.37 s once warm (2026-11-30): a 200 ms budget let it through now and then; 50 ms stops
            // all three on both, with a margin of four and more
            StringBuilder ticks = new StringBuilder();
            for (int i = 1; ticks.length() < 400_000; i++) ticks.append("`".repeat(i % 2000 + 1)).append('a');
            StringBuilder refs = new StringBuilder();
            for (int i = 0; refs.length() < 400_000; i++) refs.append("[r").append(i).append("]: /u").append(i).append('\n');
            for (String body : List.of("[a](b ".repeat(70_000), ticks.toString(), refs.toString())) {
                long t0 = System.nanoTime();
                List<String> p = problems(body);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(1, p.size(), p.toString());
                assertTrue(p.get(0).startsWith("g.md:1: the Markdown takes too long to parse (more than 50 ms of CPU"), p.get(0));
                assertTrue(ms < 20_000, "stopped, not stalled: " + ms + " ms");
            }
        } finally {
            if (old == null) System.clearProperty("goguides.markdown.budgetMs");
            else System.setProperty("goguides.markdown.budgetMs", old);
        }
    }

    @Test
    void siteLanguagesAndUrlsThatWouldLeaveTheSiteAreErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("site.yml"), "title: T\nlanguages: [en, ../../etc, \"zh/../..\"]\n"
                + "baseUrl: https://ok.example/\nrepoUrl: \" JaVaScRiPt:alert(1)\"\n", StandardCharsets.UTF_8);
        Content c = new ContentLoader(dir, dir).load();
        List<String> p = c.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of(
                "site.yml:2: language \"../../etc\" is not a language code (two lower-case letters, optionally -REGION: zh, en, pt-BR); it names folders of the site",
                "site.yml:2: language \"zh/../..\" is not a language code (two lower-case letters, optionally -REGION: zh, en, pt-BR); it names folders of the site",
                "site.yml:4: repoUrl \" JaVaScRiPt:alert(1)\" is not an http or https URL (pages link to it)"), p);
        assertEquals(List.of("en"), c.site().languages());
        assertEquals("", c.site().repoUrl());
    }

    @Test
    void aLeadingH1ThatIsNotTheTitleIsReported() {
        assertEquals(List.of(), problems("# t\n\ntext\n"), "the same as the title: the page shows it once");
        assertEquals(List.of(), problems("# *t*\n\ntext\n"), "marks aside");
        assertEquals(List.of("g.md:4: the heading \"# Another title\" differs from the title \"t\" (the page shows the title and leaves this heading out: remove it, or make it the title)"),
                problems("# Another title\n\ntext\n"));
        assertEquals(List.of(), problems("text\n\n# Later h1\n"), "only a leading h1 is left out");
    }
}
