package org.goguides.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.results.HostInfo;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * Builds a fixture site (content in {@code src/test/resources/golden/content}, results made here for
 * two pretend hosts) and checks the HTML hooks the site's scripts and tests rely on and the golden {@code <main>} of each page.
 * Run with {@code -Dgolden.update=true} to rewrite the golden files, then review their diff.
 */
class GoldenSiteTest {
    static final Path FIXTURE = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** A run from before the cut-off after which the build counts results as recent. */
    static final String OLD = "2026-01-19T08:30:00Z";
    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() throws IOException {
        Content c = new ContentLoader(FIXTURE.resolve("content"), FIXTURE).load();
        assertEquals(List.of(), c.problems());
        Guide en = c.guide("demo", "en").orElseThrow();
        Path results = tmp.resolve("results");
        // an earlier run of the same host in which "passed" failed: with the later pass it is flaky
        ResultStore.write(results, run(linux(), "2026-11-18T10:00:00Z", en, Map.of("passed", "failed")));
        ResultStore.write(results, run(linux(), "2026-11-20T10:00:00Z", en, Map.of(
                "mixed", "passed", "passed", "passed", "failed", "failed", "unverified", "skipped", "stale", "passed:old")));
        ResultStore.write(results, run(darwin(), OLD, en, Map.of(
                "mixed", "failed", "stale", "passed:old")));
        site = tmp.resolve("site");
        // results from before June 2026 are old, later ones recent, whatever the date the test runs on
        java.time.Duration maxAge = java.time.Duration.between(java.time.Instant.parse("2026-06-01T00:00:00Z"), java.time.Instant.now());
        SiteBuilder.Report r = new SiteBuilder().build(new SiteBuilder.Options(FIXTURE.resolve("content"), Path.of("../templates"),
                List.of(results), site, Set.of(), FIXTURE, maxAge));
        assertTrue(r.ok(), r.problems().toString());
    }

    static HostInfo linux() {
        return new HostInfo("linux-amd64-debian-12-go1.26.8", "linux", "amd64", false, 0, "debian 12", "6.1", "go1.26.8", true, false);
    }

    static HostInfo darwin() {
        return new HostInfo("darwin-arm64-macos-15.1-go1.26.8", "darwin", "arm64", false, 0, "macos 15.1", "24.1", "go1.26.8", true, false);
    }

    /** A results file in which each named snippet has the given status ("passed:old" = a result for other text). */
    static HostRun run(HostInfo host, String finished, Guide g, Map<String, String> statuses) {
        List<SnippetResult> list = new ArrayList<>();
        new TreeMap<>(statuses).forEach((id, st) -> {
            Snippet s = g.snippet(id).orElseThrow();
            boolean old = st.endsWith(":old");
            String status = old ? st.substring(0, st.indexOf(':')) : st;
            String out = id.equals("failed") ? "$ echo '<script>alert(\"x\")</script>'\n<script>alert(\"x\")</script>\n" : "ok\n";
            list.add(new SnippetResult(g.slug(), g.locale(), id, s.lang(), s.pos().path(), s.pos().line(),
                    old ? "sha256:" + "0".repeat(64) : s.hash(), Status.of(status), status.equals("skipped") ? "needs os=darwin; this host is linux/amd64" : "",
                    status.equals("failed") ? 1 : 0, 12, out, status.equals("failed") ? "--- expected\n+++ actual\n- <b>not this</b>\n+ <script>alert(\"x\")</script>\n" : ""));
        });
        return new HostRun(1, host, "none", "2026-11-19T00:00:00Z", finished, list);
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(path), StandardCharsets.UTF_8));
    }

    @Test
    void eachSnippetCarriesTheReadersStatus() throws IOException {
        Document d = page("en/demo/index.html");
        Map<String, String> status = new TreeMap<>();
        for (Element e : d.select("[data-snippet-id]")) status.put(e.attr("data-snippet-id"), e.attr("data-status"));
        assertEquals("failed", status.get("demo/mixed"), "a failure on any host wins");
        assertEquals("passed", status.get("demo/passed"));
        assertEquals("failed", status.get("demo/failed"));
        assertEquals("stale", status.get("demo/stale"));
        assertEquals("unverified", status.get("demo/unverified"), "skipped everywhere is unverified");
        assertEquals("display", status.get("demo/shown"));
        assertEquals(7, status.size(), "every fenced block, the json one included: " + status);
    }

    @Test
    void badgesNameHostStatusAndDate() throws IOException {
        Element mixed = page("en/demo/index.html").selectFirst("[data-snippet-id=demo/mixed]");
        List<String> badges = mixed.select("[data-host]").eachAttr("data-host");
        assertEquals(List.of("darwin-arm64-macos-15.1-go1.26.8", "linux-amd64-debian-12-go1.26.8"), badges);
        Element failed = mixed.selectFirst("[data-host=darwin-arm64-macos-15.1-go1.26.8]");
        assertEquals("failed", failed.attr("data-status"));
        assertEquals(OLD, failed.attr("data-verified-at"));
        assertTrue(failed.text().contains("failed") && failed.text().contains("2026-01-19"), "meaning in text, not only colour: " + failed.text());
        assertEquals("true", failed.attr("data-old"));
        assertTrue(failed.text().contains("old"), failed.text());
        Element stale = page("en/demo/index.html").selectFirst("[data-snippet-id=demo/stale] [data-host]");
        assertEquals("stale", stale.attr("data-status"));
    }

    @Test
    void aStepThatPassesAndFailsByTurnsIsFlaky() throws IOException {
        Element b = page("en/demo/index.html").selectFirst("[data-snippet-id=demo/passed] [data-host=linux-amd64-debian-12-go1.26.8]");
        assertEquals("true", b.attr("data-flaky"));
        assertTrue(b.text().contains("flaky: passed 1 of the last 2 runs on this host"), b.text());
        assertFalse(page("en/demo/index.html").selectFirst("[data-snippet-id=demo/mixed] [data-host=linux-amd64-debian-12-go1.26.8]")
                .hasAttr("data-flaky"));
        assertFalse(page("en/demo/index.html").selectFirst("[data-snippet-id=demo/mixed] [data-host=linux-amd64-debian-12-go1.26.8]")
                .hasAttr("data-old"), "a recent result is not old");
    }

    @Test
    void theSitePublishesItsResultsAndBadges() throws IOException {
        List<org.goguides.checks.model.Problem> problems = new ArrayList<>();
        List<HostRun> published = ResultStore.loadAll(List.of(site.resolve("results/all.json")), problems);
        assertEquals(List.of(), problems);
        assertEquals(2, published.size(), "the newest run of each host");
        String json = Files.readString(site.resolve("badges/demo.json"), StandardCharsets.UTF_8);
        assertEquals("{\"schemaVersion\":1,\"label\":\"steps\",\"message\":\"1 failed, 1/2 verified\",\"color\":\"cf222e\",\"cacheSeconds\":3600}\n", json);
        String svg = Files.readString(site.resolve("badges/demo.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") && svg.contains("1 failed, 1/2 verified"), svg);
    }

    @Test
    void outputAndFrontMatterStayText() throws IOException {
        String html = Files.readString(site.resolve("en/demo/index.html"), StandardCharsets.UTF_8);
        Document d = Jsoup.parse(html);
        assertTrue(d.select("script").stream().noneMatch(s -> s.data().contains("alert")), "no script from output");
        assertTrue(d.select("main b, main em").isEmpty(), "no markup from output or guide HTML");
        assertTrue(d.selectFirst("[data-snippet-id=demo/failed] .failure").text().contains("<script>alert(\"x\")</script>"));
        assertEquals("Demo <guide> & \"friends\"", d.selectFirst("h1").text());
        assertTrue(d.title().startsWith("Demo <guide> & \"friends\""));
    }

    @Test
    void theSummaryCountsEveryStatus() throws IOException {
        Element s = page("en/demo/index.html").selectFirst("[data-guide-summary]");
        assertEquals("2", s.attr("data-failed"));
        assertEquals("1", s.attr("data-passed"));
        assertEquals("1", s.attr("data-stale"));
        assertEquals("1", s.attr("data-unverified"));
        assertEquals("2", s.attr("data-display"));
    }

    @Test
    void translationsShareResultsAndLinkToEachOther() throws IOException {
        Document zh = page("zh/demo/index.html");
        assertEquals("failed", zh.selectFirst("[data-snippet-id=demo/mixed]").attr("data-status"));
        assertEquals("passed", zh.selectFirst("[data-snippet-id=demo/passed]").attr("data-status"));
        assertEquals("/en/demo/", zh.selectFirst("a[data-lang-link=en]").attr("href"));
        assertEquals("zh-CN", zh.selectFirst("html").attr("lang"));
        assertFalse(page("en/index.html").select("[data-guide-link=demo]").isEmpty());
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        assertTrue(Files.isRegularFile(site.resolve("zh/verification/index.html")));
        assertTrue(Files.isRegularFile(site.resolve("en/404.html")));
    }

    @Test
    void fileBlocksHaveACaptionHighlightedLinesAndExamplesStandForPatterns() throws IOException {
        Document d = page("en/demo-next/index.html");
        assertEquals("File main.go", d.selectFirst("#step-main-go .snippet-caption").text());
        List<String> marked = d.select("#step-main-go pre.code .hl").eachText();
        assertEquals(List.of("import \"fmt\"", "func main() {", "fmt.Println(\"hi\") /* a comment"), marked.stream().map(String::strip).toList());
        assertEquals(1, d.select("#step-main-go .hl .tk-c").size(), "a comment over two lines is closed at the marked line's end");
        assertEquals("$ go test\nok  \texample.com/x\t0.004s", d.selectFirst("#step-test pre.code").wholeText(),
                "readers see the example, not the pattern");
        assertTrue(d.selectFirst("#step-test .example-note").text().startsWith("Example output"));
    }

    @Test
    void aSeriesLinksEachPartToThePreviousAndNext() throws IOException {
        Element next = page("en/demo/index.html").selectFirst("nav.series-nav a[rel=next]");
        assertEquals("/en/demo-next/", next.attr("href"));
        assertEquals("Demo, part two →", next.text());
        Element prev = page("en/demo-next/index.html").selectFirst("nav.series-nav a[rel=prev]");
        assertEquals("/en/demo/", prev.attr("href"));
        assertEquals("Part 2 of 2", page("en/demo-next/index.html").selectFirst(".series-part").text());
        assertEquals("/zh/demo-next/", page("zh/demo/index.html").selectFirst("nav.series-nav a[rel=next]").attr("href"), "each language links its own parts");
    }

    @Test
    void pagesMatchTheirGoldenMain() throws IOException {
        List<String> mismatched = new ArrayList<>();
        for (String p : List.of("en/demo/index.html", "zh/demo/index.html", "en/index.html", "en/verification/index.html",
                "en/demo-next/index.html")) {
            Element main = page(p).selectFirst("main");
            main.select("[data-lang-link]").remove();
            String actual = main.outerHtml() + "\n";
            Path golden = FIXTURE.resolve("expected").resolve(p);
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            } else if (!Files.isRegularFile(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(actual)) {
                mismatched.add(p);
            }
        }
        assertEquals(List.of(), mismatched, "pages differ from src/test/resources/golden/expected; if the change is intended, run "
                + "mvn -pl site-build test -Dtest=GoldenSiteTest -Dgolden.update=true and review the diff");
    }
}
