package org.goguides.checks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * The JUnit Platform's own selectors, as an IDE or the Console Launcher sends them: a content folder, a
 * guide's folder, a guide file, a line of a guide file (the step there), a unique id; and what goes
 * wrong in discovery as discovery issues with a file and line. A selected step brings the steps and
 * guides it builds on, as in a full run. Tests that run the fixture's steps (without the sandbox) are
 * tagged {@code snippets}, which the quick loop leaves out.
 */
class SelectorsTest {
    @TempDir
    Path tmp;
    Path content;
    Path alphaEn;

    private static final String ALPHA = """
            ---
            title: alpha
            ---

            Intro.

            ```console {#one}
            $ echo one > f.txt
            ```

            Text.

            ```sh {#two}
            cat f.txt
            ```

            ```output
            one
            ```

            ```console {#other session=side}
            $ echo other
            other
            ```
            """;

    @BeforeEach
    void guides() throws Exception {
        content = tmp.resolve("content");
        alphaEn = write("alpha", "en", ALPHA);
        write("alpha", "zh", ALPHA.replace("Intro.", "介绍。").replace("Text.", "正文。"));
        write("beta", "en", "---\ntitle: beta\nafter: alpha\n---\n\n```console {#uses}\n$ cat f.txt\none\n```\n");
        write("gamma", "en", "---\ntitle: gamma\n---\n\n```console {#alone}\n$ echo gamma\ngamma\n```\n");
    }

    private Path write(String slug, String lang, String text) throws Exception {
        Path f = content.resolve("guides").resolve(slug).resolve("index." + lang + ".md");
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private EngineTestKit.Builder kit(DiscoverySelector... selectors) {
        return EngineTestKit.engine(Constants.ENGINE_ID).selectors(selectors)
                .configurationParameter(Constants.DISPLAY_BASE, tmp.toString())
                .configurationParameter(Constants.CONTENT, content.toString())
                .configurationParameter(Constants.CACHE_DIR, tmp.resolve("cache").toString())
                .configurationParameter(Constants.SANDBOX, "none")
                .configurationParameter(Constants.OFFLINE, "true");
    }

    /** Each finished or skipped test as {@code guide@lang/id -> status}. */
    private static Map<String, String> outcomes(EngineExecutionResults r) {
        Map<String, String> out = new TreeMap<>();
        for (Event e : r.testEvents().list()) {
            String key = id(e.getTestDescriptor());
            if (e.getType() == EventType.SKIPPED) out.put(key, "skipped");
            if (e.getType() == EventType.FINISHED) out.put(key, e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .getStatus().name().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    private static String id(TestDescriptor d) {
        var segs = d.getUniqueId().getSegments();
        String guide = segs.stream().filter(s -> s.getType().equals("guide")).findFirst().orElseThrow().getValue();
        return guide + "/" + segs.get(segs.size() - 1).getValue();
    }

    @Test
    @Tag("snippets")
    void aContentFolderRunsEveryGuideOnceForTwins() {
        EngineExecutionResults r = kit(selectDirectory(content.toFile())).execute();
        assertEquals(Map.of("alpha@en/one", "successful", "alpha@en/two", "successful", "alpha@en/other", "successful",
                "beta@en/uses", "successful", "gamma@en/alone", "successful"), outcomes(r), "the zh twin shares en's results");
    }

    @Test
    @Tag("snippets")
    void aGuideFolderRunsThatGuideWithTheGuidesItBuildsOn() {
        assertEquals(Map.of("gamma@en/alone", "successful"),
                outcomes(kit(selectDirectory(content.resolve("guides/gamma").toFile())).execute()));
        assertEquals(Map.of("alpha@en/one", "successful", "alpha@en/two", "successful", "alpha@en/other", "successful",
                "beta@en/uses", "successful"), outcomes(kit(selectDirectory(content.resolve("guides/beta").toFile())).execute()),
                "beta starts from alpha's final state, so alpha runs first");
        assertEquals(5, outcomes(kit(selectDirectory(content.resolve("guides").toFile())).execute()).size(), "the guides folder: all");
    }

    @Test
    @Tag("snippets")
    void aGuideFileRunsThatTranslationEvenWhereItsTwinWouldRunForIt() {
        assertEquals(Map.of("alpha@zh/one", "successful", "alpha@zh/two", "successful", "alpha@zh/other", "successful"),
                outcomes(kit(selectFile(content.resolve("guides/alpha/index.zh.md").toString())).execute()));
    }

    @Test
    @Tag("snippets")
    void aLineSelectsTheStepWhoseBlocksSpanItWithTheStepsItNeeds() {
        // line 14 is `cat f.txt` in the sh block of #two; it needs #one (same session), not #other
        assertEquals(Map.of("alpha@en/one", "successful", "alpha@en/two", "successful"),
                outcomes(kit(selectFile(alphaEn.toString(), FilePosition.from(14))).execute()));
        // line 19 closes #two's output block: still #two
        assertEquals(Map.of("alpha@en/one", "successful", "alpha@en/two", "successful"),
                outcomes(kit(selectFile(alphaEn.toString(), FilePosition.from(19))).execute()));
        // the opening fence of #other, in a session of its own
        assertEquals(Map.of("alpha@en/other", "successful"),
                outcomes(kit(selectFile(alphaEn.toString(), FilePosition.from(21))).execute()));
    }

    @Test
    void aLineWithNoStepIsADiscoveryIssueOnThatLine() {
        // line 11 is prose
        EngineDiscoveryResults d = kit(selectFile(alphaEn.toString(), FilePosition.from(11))).discover();
        assertEquals(0, d.getEngineDescriptor().getDescendants().size(), "nothing to run");
        DiscoveryIssue issue = single(d.getDiscoveryIssues());
        assertEquals(DiscoveryIssue.Severity.ERROR, issue.severity());
        assertEquals("content/guides/alpha/index.en.md:11: no step at this line (steps start at lines 7, 13, 21)", issue.message());
        assertSource(issue, alphaEn, 11);
        // line 20 is the blank line after #two's output block: no step either
        assertEquals("content/guides/alpha/index.en.md:20: no step at this line (steps start at lines 7, 13, 21)",
                single(kit(selectFile(alphaEn.toString(), FilePosition.from(20))).discover().getDiscoveryIssues()).message());
    }

    @Test
    @Tag("snippets")
    void aUniqueIdRunsAGuideOrAStepWithWhatItBuildsOn() {
        assertEquals(Map.of("alpha@en/one", "successful", "alpha@en/two", "successful", "alpha@en/other", "successful",
                "beta@en/uses", "successful"), outcomes(kit(selectUniqueId("[engine:goguides]/[series:alpha@en]/[guide:beta@en]/[snippet:uses]")).execute()));
        assertEquals(Map.of("gamma@en/alone", "successful"),
                outcomes(kit(selectUniqueId("[engine:goguides]/[guide:gamma@en]")).execute()));
        EngineDiscoveryResults unknown = kit(selectUniqueId("[engine:goguides]/[guide:nope@en]")).discover();
        assertTrue(single(unknown.getDiscoveryIssues()).message().startsWith("no guide or step with unique id [engine:goguides]/[guide:nope@en] in content"),
                unknown.getDiscoveryIssues().toString());
    }

    /** A marker class as Surefire sees it; the kit's goguides.content points it at the fixture. */
    @GuideSnippets
    static class Marker {
    }

    @Test
    @Tag("snippets")
    void uniqueIdsUnderAMarkerClassAsAnIdeRerunsThem() {
        String suite = "[engine:goguides]/[suite:" + Marker.class.getName() + "]";
        assertEquals(Map.of("alpha@en/one", "successful", "alpha@en/two", "successful", "gamma@en/alone", "successful"),
                outcomes(kit(selectUniqueId(suite + "/[guide:gamma@en]/[snippet:alone]"),
                        selectUniqueId(suite + "/[series:alpha@en]/[guide:alpha@en]/[snippet:two]")).execute()));
        assertEquals(5, outcomes(kit(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(Marker.class)).execute()).size());
    }

    @Test
    void badMarkdownAndUnknownFilesAreDiscoveryIssuesWithTheirSource() throws Exception {
        Files.createDirectories(tmp.resolve("cache"));
        Path bad = write("bad", "en", "---\ntitle: bad\n---\n\n```console {#x platfrom=linux}\n$ true\n```\n");
        DiscoveryIssue authoring = single(kit(selectFile(bad.toString())).discover().getDiscoveryIssues());
        assertEquals(DiscoveryIssue.Severity.ERROR, authoring.severity());
        assertTrue(authoring.message().startsWith("content/guides/bad/index.en.md:5: unknown attribute \"platfrom\""), authoring.message());
        assertSource(authoring, bad, 5);

        DiscoveryIssue unknownGuide = single(kit(selectDirectory(content.resolve("guides/nope").toString())).discover().getDiscoveryIssues());
        assertEquals("content/guides/nope:1: no guide with slug \"nope\"", unknownGuide.message());

        assertEquals("typo: no such folder", single(kit(selectDirectory(tmp.resolve("typo").toString())).discover().getDiscoveryIssues()).message());
        DiscoveryIssue notContent = single(kit(selectDirectory(tmp.resolve("cache").toString())).discover().getDiscoveryIssues());
        assertEquals(DiscoveryIssue.Severity.WARNING, notContent.severity(), "a folder of something else: another engine's, maybe");

        Path missing = content.resolve("guides/alpha/index.fr.md");
        DiscoveryIssue none = single(kit(selectFile(missing.toString())).discover().getDiscoveryIssues());
        assertEquals("content/guides/alpha/index.fr.md: no such guide file", none.message());

        Path notes = Files.writeString(tmp.resolve("NOTES.md"), "# notes\n", StandardCharsets.UTF_8);
        DiscoveryIssue notAGuide = single(kit(selectFile(notes.toString())).discover().getDiscoveryIssues());
        assertEquals(DiscoveryIssue.Severity.WARNING, notAGuide.severity());
        assertTrue(notAGuide.message().startsWith("NOTES.md: not a guide file"), notAGuide.message());

        assertEquals(List.of(), kit(selectFile(tmp.resolve("Other.java").toString())).discover().getDiscoveryIssues(),
                "a file that is not Markdown is another engine's");
    }

    private static DiscoveryIssue single(List<DiscoveryIssue> issues) {
        assertEquals(1, issues.size(), issues.toString());
        return issues.get(0);
    }

    private static void assertSource(DiscoveryIssue issue, Path file, int line) {
        FileSource s = (FileSource) issue.source().orElseThrow();
        assertEquals(file.toFile().getAbsoluteFile(), s.getFile().getAbsoluteFile());
        assertEquals(line, s.getPosition().orElseThrow().getLine());
    }
}
