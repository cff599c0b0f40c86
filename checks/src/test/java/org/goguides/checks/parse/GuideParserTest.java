package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.ExitExpectation;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.MatchMode;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.model.SnippetKind;

class GuideParserTest {
    static final Path RES = Path.of("src/test/resources");

    @Test
    void frontMatterKeysOfOtherSiteGeneratorsAreReadWithTheirUsualMeanings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path g = dir.resolve("guides/demo/index.en.md");
        java.nio.file.Files.createDirectories(g.getParent());
        java.nio.file.Files.writeString(g, """
                ---
                title: Demo
                summary: Uses `go env`.
                description: A plain description.
                weight: 20
                group: Basics
                date: 2026-01-02
                lastmod: 2026-03-04T10:00:00Z
                draft: true
                aliases: [/en/old-demo/, /en/older]
                tags: [modules, PATH]
                ---

                Text.
                """, java.nio.charset.StandardCharsets.UTF_8);
        Content c = new ContentLoader(dir, dir).load();
        assertEquals(List.of(), c.problems());
        org.goguides.checks.model.FrontMatter m = c.guides().get(0).meta();
        assertEquals("A plain description.", m.description());
        assertEquals(20, m.weight());
        assertEquals("Basics", m.group());
        assertEquals("2026-01-02", m.date());
        assertEquals("2026-03-04", m.lastmod());
        assertEquals(true, m.draft());
        assertEquals(List.of("/en/old-demo/", "/en/older/"), m.aliases());
        assertEquals(List.of("modules", "PATH"), m.tags());
    }

    @Test
    void everyAuthoringErrorIsReportedAtOnceWithItsLine() {
        Content c = new ContentLoader(RES.resolve("malformed"), RES.resolve("malformed")).load();
        List<String> got = c.problems().stream().map(Problem::toString).toList();
        String f = "guides/bad-snippets/index.en.md";
        String h = "guides/bad-front/index.en.md";
        List<String> expected = List.of(
                h + ":1: missing title (add a line title: ... to the front matter)",
                h + ":2: summary must be text, not a list",
                h + ":3: unknown front matter key \"platfroms\" (did you mean \"platforms\"? allowed: title, summary, platforms, after, description, weight, group, date, lastmod, draft, aliases, tags)",
                h + ":4: unknown platform \"beos\" in platforms (known: macos-arm64, macos-amd64, macos, wsl, linux, windows, any)",
                h + ":5: weight must be a whole number (e.g. weight: 10; lower comes first)",
                h + ":6: draft must be true or false",
                h + ":7: date must be a date like 2026-11-21 (or 2026-11-21T09:30:00Z), not \"yesterday\"",
                h + ":8: alias \"old-name\" must be a path on this site starting with / (e.g. /en/old-name/), without spaces, .., ? or #",
                h + ":9: unknown front matter key \"descripton\" (did you mean \"description\"? allowed: title, summary, platforms, after, description, weight, group, date, lastmod, draft, aliases, tags)",
                f + ":7: unknown attribute \"platfrom\" (did you mean \"platform\"? allowed: id, os, arch, platform, requires, network, root, interop, exit, timeout, file, run, session, after, shell, skip, match, hl)",
                f + ":11: unclosed attributes: \"{#two os=macos arch=x86_64\" has no closing } (write {key=value ...})",
                f + ":11: unknown os \"macos\" (Go calls it darwin; allowed: linux, darwin, windows)",
                f + ":11: unknown arch \"x86_64\" (Go calls it amd64; allowed: amd64, arm64)",
                f + ":15: duplicate id \"one\" (first used at " + f + ":7; ids must be unique within a guide)",
                f + ":19: \"network\" is a flag and takes no value (write network, not network=yes)",
                f + ":19: invalid exit=300 (a number from 0 to 255, or nonzero)",
                f + ":19: exit= has no effect on a console transcript (end a command's output with a line [N])",
                f + ":19: invalid timeout=forever (a duration from 1ms to 1h, such as 500ms, 30s, 2m)",
                f + ":23: a console transcript carries its own output (write it under the $ line, not in an output block)",
                f + ":27: \"match=\" belongs on the output block (or on a console transcript), not on a \"sh\" block",
                f + ":31: invalid regex in expected output: Unclosed character class near index 9 (a Java regular expression)",
                f + ":35: file=../../etc/passwd leaves the session directory (use a relative path inside it, such as hello/main.go)",
                f + ":39: unknown platform \"solaris\" (known: macos-arm64, macos-amd64, macos, wsl, linux, windows, any; add it to content/platforms.yml)",
                f + ":39: requires=go>1.22: only a lowest Go version is supported (write go>=1.22)",
                f + ":44: a console transcript starts with a command line \"$ ...\" (found \"not a command line\")",
                f + ":47: attribute \"os\" has no effect: a \"yaml\" block is shown, not executed (executed: sh, bash, shell, console, go with run or file=)",
                f + ":51: unclosed quote in key=\"unterminated (close it with \")",
                f + ":51: unknown attribute \"key\" (allowed: id, os, arch, platform, requires, network, root, interop, exit, timeout, file, run, session, after, shell, skip, match, hl)",
                "guides/bad-yaml/index.en.md:2: invalid YAML in front matter: while scanning a quoted scalar (title: ..., summary: ..., platforms: [...])",
                "guides/no-front/index.en.md:1: missing front matter (start the file with ---, a line title: ..., and ---)");
        assertEquals(String.join("\n", expected), String.join("\n", got));
    }

    @Test
    void aGoodGuideBecomesAModel() {
        List<Problem> problems = new ArrayList<>();
        Guide g = new GuideParser(PlatformCatalog.builtIn()).parse(Path.of("../checks/src/test/resources/corpus/guides/statuses/index.en.md"),
                "statuses.md", "statuses", "en", problems);
        assertEquals(List.of(), problems);
        assertEquals("Every status the runner can give", g.meta().title());
        Snippet t = g.snippet("pass-transcript").orElseThrow();
        assertEquals(SnippetKind.CONSOLE, t.kind());
        assertEquals(2, t.steps().size());
        assertEquals("printf 'a\\nb\\n'", t.steps().get(1).command());
        assertEquals("a\nb", t.steps().get(1).expected().text());
        assertEquals(8, t.pos().line());
        assertEquals(9, t.steps().get(0).line());
        Snippet exit = g.snippet("pass-exit-code").orElseThrow();
        assertEquals(ExitExpectation.of(3), exit.steps().get(0).exit());
        assertEquals("oops", exit.steps().get(0).expected().text());
        Snippet regex = g.snippet("pass-regex").orElseThrow();
        assertEquals(MatchMode.REGEX, regex.steps().get(0).expected().mode());
        Snippet shell = g.snippet("pass-shell-output").orElseThrow();
        assertEquals("中文输出\nsecond line", shell.expected().text());
        assertEquals(SnippetKind.FILE, g.snippet("pass-file-block").orElseThrow().kind());
        assertEquals("app/main.go", g.snippet("pass-file-block").orElseThrow().file());
        assertEquals(SnippetKind.GO_RUN, g.snippet("pass-go-run").orElseThrow().kind());
        assertEquals(ExitExpectation.NONZERO, g.snippet("pass-nonzero").orElseThrow().exit());
        assertEquals("s1", g.snippet("fail-transcript-output").orElseThrow().session());
        assertEquals("needs a person at the keyboard", g.snippet("display-skip").orElseThrow().skipReason());
        Snippet json = g.snippets().stream().filter(s -> s.lang().equals("json")).findFirst().orElseThrow();
        assertEquals(SnippetKind.DISPLAY, json.kind());
        assertTrue(json.id().startsWith("display-"));
    }

    @Test
    void idsWithoutAnAuthorAreDerivedFromTheNearestHeading() {
        String md = "---\ntitle: t\n---\n\n## Install Go 安装\n\n```sh\necho a\n```\n\n```sh\necho b\n```\n\n## Next\n\n```sh\necho c\n```\n";
        Guide g = new GuideParser(PlatformCatalog.builtIn()).parse(md, Path.of("x.md"), "x.md", "x", "en", new ArrayList<>());
        assertEquals(List.of("install-go-安装-1", "install-go-安装-2", "next-1"), g.snippets().stream().map(Snippet::id).toList());
    }

    @Test
    void theSameTextHasTheSameHashInBothLanguages() {
        String en = "---\ntitle: t\n---\n\nEnglish prose.\n\n```console {#v}\n$ go version\ngo version [..]\n```\n";
        String zh = "---\ntitle: 标题\n---\n\n中文说明，行数不同。\n\n多一行。\n\n```console {#v}\n$ go version\ngo version [..]\n```\n";
        GuideParser p = new GuideParser(PlatformCatalog.builtIn());
        Snippet a = p.parse(en, Path.of("a"), "a", "g", "en", new ArrayList<>()).snippets().get(0);
        Snippet b = p.parse(zh, Path.of("b"), "b", "g", "zh", new ArrayList<>()).snippets().get(0);
        assertEquals(a.hash(), b.hash());
        String changed = en.replace("go version [..]", "go version go1.[..]");
        assertTrue(!a.hash().equals(p.parse(changed, Path.of("a"), "a", "g", "en", new ArrayList<>()).snippets().get(0).hash()),
                "changing the expected output changes the hash");
    }

    @Test
    void crlfAndAByteOrderMarkAreRead() throws Exception {
        List<Problem> problems = new ArrayList<>();
        Guide g = new GuideParser(PlatformCatalog.builtIn()).parse(RES.resolve("crlf-bom.md"), "crlf-bom.md", "c", "en", problems);
        assertEquals(List.of(), problems);
        assertEquals("CRLF and a BOM", g.meta().title());
        assertEquals("echo ok", g.snippet("crlf").orElseThrow().code());
        assertEquals(5, g.snippet("crlf").orElseThrow().pos().line());
    }

    @Test
    void guideDefaultPlatformsApplyOnlyWhereASnippetSaysNothing() {
        String md = "---\ntitle: t\nplatforms: [wsl]\n---\n\n```sh {#a}\necho\n```\n\n```sh {#b os=linux}\necho\n```\n";
        Guide g = new GuideParser(PlatformCatalog.builtIn()).parse(md, Path.of("x"), "x", "x", "en", new ArrayList<>());
        assertEquals(List.of("wsl"), g.snippet("a").orElseThrow().requires().platforms());
        assertEquals(List.of(), g.snippet("b").orElseThrow().requires().platforms());
        assertNull(g.snippet("b").orElseThrow().requires().minGo());
    }

    @Test
    void shellAfterAndInteropAreReadAndCheckedWithTheirLines() {
        String md = "---\ntitle: t\n---\n\n```sh {#a session=pkg}\necho\n```\n\n```console {#b shell=zsh after=a interop}\n$ true\n```\n\n"
                + "```sh {#c shell=fish after=a,later,c}\necho\n```\n\n```sh {#later}\necho\n```\n\n```text {shell=zsh}\nshown\n```\n";
        List<Problem> problems = new ArrayList<>();
        Guide g = new GuideParser(PlatformCatalog.builtIn()).parse(md, Path.of("x.md"), "x.md", "x", "en", problems);
        Snippet b = g.snippet("b").orElseThrow();
        assertEquals("zsh", b.options().shell());
        assertEquals(List.of("a"), b.options().after());
        assertTrue(b.requires().interop());
        assertEquals(List.of(
                "x.md:13: invalid shell=fish (did you mean \"bash\"? allowed: bash, zsh, sh)",
                "x.md:13: after=later: no earlier executed step with that id in this guide (a step runs after the steps it names, in this file)",
                "x.md:13: after=c names this step itself (name earlier steps it builds on)",
                "x.md:21: attribute \"shell\" has no effect: a \"text\" block is shown, not executed (executed: sh, bash, shell, console, go with run or file=)"),
                problems.stream().map(Problem::toString).toList());
        Snippet a = g.snippet("a").orElseThrow();
        String plain = "---\ntitle: t\n---\n\n```console {#b}\n$ true\n```\n";
        Snippet unnamed = new GuideParser(PlatformCatalog.builtIn()).parse(plain, Path.of("y"), "y", "y", "en", new ArrayList<>()).snippets().get(0);
        assertTrue(!unnamed.hash().equals(b.hash()), "naming a shell changes what runs, so the hash");
        assertEquals(List.of(), a.options().after());
    }

    /** The tree handed on is the guides' dialect (the site renders it as it is), and it is handed on once. */
    @Test
    void readHandsOnTheTreeOfTheGuidesDialectOnce() {
        String md = "---\ntitle: t\n---\n\n## 步骤\n\n| a | b |\n|---|---|\n| ~~x~~ | **注意：**请 |\n\n```sh {#a}\necho\n```\n";
        ParsedGuide p = new GuideParser(PlatformCatalog.builtIn()).read(md, Path.of("x.md"), "x.md", "x", "en", new ArrayList<>());
        assertEquals(List.of("a"), p.guide().snippets().stream().map(Snippet::id).toList());
        com.vladsch.flexmark.util.ast.Document tree = p.takeTree();
        List<String> kinds = new ArrayList<>();
        for (com.vladsch.flexmark.util.ast.Node n : tree.getDescendants()) kinds.add(n.getClass().getSimpleName());
        for (String k : List.of("YamlFrontMatterBlock", "TableBlock", "Strikethrough", "StrongEmphasis", "FencedCodeBlock")) {
            assertTrue(kinds.contains(k), k + " missing from the tree: " + kinds);
        }
        assertNull(p.takeTree(), "a tree is handed on once (rendering changes it)");
        ParsedGuide tooDeep = new GuideParser(PlatformCatalog.builtIn()).read("---\ntitle: t\n---\n" + ">".repeat(100) + " x\n",
                Path.of("y.md"), "y.md", "y", "en", new ArrayList<>());
        assertNull(tooDeep.takeTree(), "no tree for a guide that was not read");
    }
}
