package org.goguides.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile pull request's content through {@code lint} and {@code build}: every problem at once as
 * {@code path:line: message}, exit 2, no stack trace, nothing written and nothing outside {@code --out}
 * (issue 13.5, 13.6, 13.8); a callout with a command in it builds (issue 21.1).
 */
class HostileContentTest {
    @TempDir
    Path tmp;

    private Path guide(Path content, String slug, String lang, String body) throws Exception {
        Path f = content.resolve("guides/" + slug + "/index." + lang + ".md");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "---\ntitle: T\n---\n" + body, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void everyHostileInputIsAnAuthoringErrorAndNothingIsWritten() throws Exception {
        Path content = tmp.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yml"), "title: T\nlanguages: [en, \"../../escaped\"]\nrepoUrl: \"JaVaScRiPt:alert(1)\"\n",
                StandardCharsets.UTF_8);
        guide(content, "links", "en", "[a](JaVaScRiPt:alert(1)) and ![b](data:text/html,x) and [c](vbscript:x)\n");
        guide(content, "deep", "en", ">".repeat(20_000) + " x\n");
        guide(content, "control", "en", "a\u0000b\n\nc\u202Ed\n");
        guide(content, "huge", "en", "word ".repeat(120_000));
        Path out = tmp.resolve("site");
        for (String verb : new String[] {"lint", "build"}) {
            MainTest.Run r = MainTest.run(verb, "--content", content.toString(), "--templates", "../templates",
                    "--results", tmp.resolve("none").toString(), "--out", out.toString());
            assertEquals(2, r.code(), verb + ": " + r.out() + r.err());
            String err = r.err();
            assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("StackOverflow"), err);
            for (String expected : new String[] {
                    "site.yml:2: language \"../../escaped\" is not a language code",
                    "site.yml:3: repoUrl \"JaVaScRiPt:alert(1)\" is not an http or https URL",
                    "links/index.en.md:4: unsafe link \"JaVaScRiPt:alert(1)\": the scheme javascript: is not allowed",
                    "links/index.en.md:4: unsafe image \"data:text/html,x\"",
                    "links/index.en.md:4: unsafe link \"vbscript:x\"",
                    "deep/index.en.md:4: Markdown nested more than 64 levels deep",
                    "control/index.en.md:4: invisible character U+0000 (NUL)",
                    "control/index.en.md:6: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)",
                    "huge/index.en.md:1: the guide is 586 KiB, more than the 512 KiB"}) {
                assertTrue(err.contains(expected), verb + " says " + expected + ":\n" + err);
            }
        }
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(tmp.resolve("escaped")) || Files.exists(tmp.getParent().resolve("escaped")), "nothing outside --out");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().contains("site")).count(), "no staged folder left");
        }
    }

    @Test
    void aCalloutWithACommandInItBuilds() throws Exception {
        Path content = tmp.resolve("content");
        guide(content, "note", "en", "> [!NOTE]\n> Run this:\n>\n> ```sh\n> go version\n> ```\n>\n> Then continue.\n");
        Path out = tmp.resolve("site");
        MainTest.Run r = MainTest.run("build", "--content", content.toString(), "--templates", "../templates",
                "--results", tmp.resolve("none").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String html = Files.readString(out.resolve("en/note/index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("callout-note") && html.contains("go version") && html.contains("Then continue."), html);
    }

    @Test
    void everyIdOnAGuidePageIsUnique() throws Exception {
        Path content = tmp.resolve("content");
        guide(content, "ids", "en", "## Main\n\n## 步骤\n\n## 步骤-1\n\n## 步骤\n\n## ？！\n\n## Step go-version\n\n"
                + "```console {#go-version}\n$ go version\ngo version [..]\n```\n\n## Search input\n");
        Path out = tmp.resolve("site");
        MainTest.Run r = MainTest.run("build", "--content", content.toString(), "--templates", "../templates",
                "--results", tmp.resolve("none").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(Files.readString(out.resolve("en/ids/index.html"), StandardCharsets.UTF_8));
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (org.jsoup.nodes.Element e : page.select("[id]")) assertTrue(ids.add(e.id()), "duplicate id " + e.id());
        // every heading is in the contents, by an id the page has
        java.util.List<String> toc = page.select("nav.toc a").eachAttr("href");
        java.util.List<String> headings = page.select(".guide-body h2").stream().map(h -> "#" + h.id()).toList();
        assertEquals(7, headings.size(), headings.toString());
        assertEquals(headings, toc);
        assertFalse(headings.contains("#main") || headings.contains("#step-go-version") || headings.contains("#search-input"), headings.toString());
    }
}
