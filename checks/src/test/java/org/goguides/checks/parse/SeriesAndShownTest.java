package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.Snippet;

/** {@code after:}, highlighted lines, example output, and the default language without site.yml. */
class SeriesAndShownTest {
    @TempDir
    Path tmp;

    static Guide parse(String body, List<Problem> problems) {
        return new GuideParser(PlatformCatalog.builtIn()).parse("---\ntitle: t\n" + body, Path.of("g.md"), "g.md", "g", "en", problems);
    }

    @Test
    void afterNamesOneGuideAndIsCheckedAtItsLine() {
        List<Problem> p = new ArrayList<>();
        Guide g = parse("after: create-module\n---\n\ntext\n", p);
        assertEquals(List.of(), p);
        assertEquals("create-module", g.meta().after());
        assertEquals(3, g.meta().afterLine());
        parse("after: [a, b]\n---\n", p);
        assertEquals("g.md:3: after must be text, not a list", p.get(0).toString());
    }

    @Test
    void seriesOrderPutsEachGuideAfterTheOneItBuildsOn() {
        Map<String, String> after = Map.of("two", "one", "three", "two", "side", "one");
        assertEquals(List.of("one", "side", "two", "three"), Series.order(after, "three"));
        assertEquals(List.of("alone"), Series.order(after, "alone"));
        assertEquals(java.util.Set.of("one", "two", "three"), Series.withDependencies(after, List.of("three")));
        assertEquals(java.util.Set.of("two", "three"), Series.withDependents(after, List.of("two")));
    }

    @Test
    void hlMarksLinesAndSaysWhatIsWrong() {
        List<Problem> p = new ArrayList<>();
        Snippet s = parse("---\n\n```go {#f file=./a.go hl=1,3-4}\na\nb\nc\nd\n```\n", p).snippets().get(0);
        assertEquals(List.of(), p);
        assertEquals(List.of(1, 3, 4), s.shown().highlight());
        assertEquals("./a.go", s.file());
        parse("---\n\n```go {hl=2-9}\na\nb\n```\n", p);
        parse("---\n\n```go {hl=x}\na\n```\n", p);
        assertEquals(List.of("g.md:5: hl=2-9: \"2-9\" is not within the block's 2 lines (count from 1, ranges low-high)",
                "g.md:5: invalid hl=x (line numbers of the block and ranges, such as hl=3-5,8)"), p.stream().map(Problem::toString).toList());
    }

    @Test
    void anExampleIsShownForAPatternAndMustBeOutputTheCheckAccepts() {
        List<Problem> p = new ArrayList<>();
        Snippet s = parse("---\n\n```console {#t}\n$ go test\nok  [..]s\n```\n\n```example\n$ go test\nok  0.004s\n```\n", p).snippets().get(0);
        assertEquals(List.of(), p);
        assertEquals("$ go test\nok  0.004s", s.shown().example());
        Snippet sh = parse("---\n\n```sh {#s}\necho hi\n```\n\n```output\nh[..]\n```\n\n```example\nhi\n```\n", p).snippets().get(0);
        assertEquals("hi", sh.shown().example());
        assertEquals(List.of(), p);
        parse("---\n\n```console {#t}\n$ go test\nok  [..]s\n```\n\n```example\n$ go test\nFAIL\n```\n", p);
        parse("---\n\n```sh {#s}\necho hi\n```\n\n```example\nhi\n```\n", p);
        parse("---\n\ntext\n\n```example\nhi\n```\n", p);
        assertEquals(List.of(
                "g.md:10: the example's command 1 ($ go test) does not match the transcript at line 6 (an example must be an output the check "
                        + "accepts; run check and copy the real output)",
                "g.md:9: an example stands in for checked output, and this step has none (add an output block before it, or use a console transcript)",
                "g.md:7: example block with no checked step right before it (put it directly after the output block or console transcript "
                        + "whose output it illustrates)"), p.stream().map(Problem::toString).toList());
        Snippet none = parse("---\n\n```sh {#s}\necho hi\n```\n", new ArrayList<>()).snippets().get(0);
        assertNull(none.shown().example());
    }

    @Test
    void withoutSiteYmlTheDefaultLanguageIsTheOneTheGuidesAreWrittenIn() throws Exception {
        Path en = tmp.resolve("en-only/guides/a");
        Files.createDirectories(en);
        Files.writeString(en.resolve("index.en.md"), "---\ntitle: a\n---\n", StandardCharsets.UTF_8);
        var site = new ContentLoader(tmp.resolve("en-only"), tmp).load().site();
        assertEquals("en", site.defaultLanguage());
        assertEquals(List.of("en"), site.languages());
        Path both = tmp.resolve("both/guides/a");
        Files.createDirectories(both);
        Files.writeString(both.resolve("index.en.md"), "---\ntitle: a\n---\n", StandardCharsets.UTF_8);
        Files.writeString(both.resolve("index.zh.md"), "---\ntitle: a\n---\n", StandardCharsets.UTF_8);
        assertEquals("zh", new ContentLoader(tmp.resolve("both"), tmp).load().site().defaultLanguage(), "a tie keeps the built-in order");
        assertTrue(new ContentLoader(tmp.resolve("both"), tmp).load().problems().isEmpty());
    }
}
