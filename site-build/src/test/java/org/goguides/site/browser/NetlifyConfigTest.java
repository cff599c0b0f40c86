package org.goguides.site.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.goguides.site.SiteBuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * netlify.toml refers to what the build makes: the publish folder is where {@code build} writes by
 * default, the asset cache rule matches the fingerprinted files, every redirect target exists, and
 * no page needs an inline script the CSP would block. Builds the real content (without results)
 * into a temporary folder.
 */
class NetlifyConfigTest {
    private static final Path ROOT = SiteFixture.ROOT;
    private static String toml;
    private static Path site;

    @BeforeAll
    static void build() throws IOException {
        toml = Files.readString(ROOT.resolve("netlify.toml"), StandardCharsets.UTF_8);
        site = ROOT.resolve("site-build/target/netlify-check/site");
        SiteBuilder.Report r = new SiteBuilder().build(new SiteBuilder.Options(ROOT.resolve("content"), ROOT.resolve("templates"),
                List.of(), site, Set.of(), ROOT));
        assertTrue(r.ok(), r.problems().toString());
    }

    private static List<String> values(String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=\\s*\"([^\"]*)\"").matcher(toml);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void publishesTheFolderTheBuildWritesByDefault() throws IOException {
        assertEquals(List.of("site-build/target/site"), values("publish"));
        String usage = Files.readString(ROOT.resolve("site-build/src/main/java/org/goguides/site/cli/Options.java"), StandardCharsets.UTF_8);
        assertTrue(usage.contains("Path.of(\"site-build\", \"target\", \"site\")"), "the CLI's default --out is the publish folder");
        assertTrue(toml.contains("Java 8") && toml.contains("netlify deploy --no-build"), "netlify.toml documents how the site is deployed");
    }

    @Test
    void cachedAssetPatternMatchesOnlyFingerprintedFiles() throws IOException {
        List<String> fors = values("for");
        assertTrue(fors.contains("/assets/*"));
        try (Stream<Path> s = Files.list(site.resolve("assets"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.isEmpty());
            for (String n : names) assertTrue(n.matches(".+\\.[0-9a-f]{10}\\.[a-z]+"), n + " is fingerprinted");
            assertTrue(names.stream().anyMatch(n -> n.startsWith("site.") && n.endsWith(".css")));
        }
        // the search indexes are not fingerprinted (they are written after the pages that name them): revalidated, not cached
        assertTrue(Files.isRegularFile(site.resolve("search/zh.json")) && Files.isRegularFile(site.resolve("search/en.json")));
        assertTrue(fors.contains("/search/*") && toml.contains("must-revalidate"), "netlify.toml revalidates the search indexes");
    }

    @Test
    void redirectTargetsExist() {
        List<String> targets = values("to");
        assertTrue(targets.containsAll(List.of("/zh/", "/en/", "/zh/404.html", "/en/404.html", "/404.html")), targets.toString());
        for (String t : targets) {
            Path f = site.resolve(t.substring(1));
            if (t.endsWith("/")) f = f.resolve("index.html");
            assertTrue(Files.isRegularFile(f), t + " exists in the built site");
        }
        assertTrue(toml.contains("conditions = {Language = [\"zh\"]}") && toml.contains("conditions = {Language = [\"en\"]}"));
        assertTrue(Files.isRegularFile(site.resolve("sitemap.xml")) && Files.isRegularFile(site.resolve("robots.txt")));
    }

    /** One {@code [[redirects]]} rule of netlify.toml. */
    record Rule(String from, String to, int status, boolean force, String conditions) {
    }

    static List<Rule> redirects(String toml) {
        List<Rule> rules = new ArrayList<>();
        String[] blocks = toml.split("(?m)^\\[\\[redirects]]\\s*$");
        for (int i = 1; i < blocks.length; i++) {
            String b = blocks[i].split("(?m)^\\[")[0];
            rules.add(new Rule(field(b, "from"), field(b, "to"), Integer.parseInt(field(b, "status")),
                    "true".equals(field(b, "force")), field(b, "conditions")));
        }
        return rules;
    }

    private static String field(String block, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + key + "\\s*=\\s*(\"([^\"]*)\"|(.+))$").matcher(block);
        if (!m.find()) return "";
        return m.group(2) != null ? m.group(2) : m.group(3).strip();
    }

    /** The files Netlify would serve for {@code path} before a rule that is not forced (pretty URLs included). */
    static List<Path> shadowing(Path site, String path) {
        String p = path.substring(1);
        if (p.isEmpty() || p.endsWith("/")) return List.of(site.resolve(p + "index.html"));
        return List.of(site.resolve(p), site.resolve(p + ".html"), site.resolve(p).resolve("index.html"));
    }

    /**
     * A prebuilt deploy relies on its redirects firing: a redirect (3xx) rule that is not forced never
     * fires for an address where the build wrote a file (Netlify serves the file first). Fallback
     * rules (404 pages, 200 rewrites) are meant to be shadowed and are exempt.
     */
    @Test
    void redirectsThatMustFireAreNotShadowedByABuiltFile() {
        List<Rule> rules = redirects(toml);
        assertEquals(5, rules.size(), rules.toString());
        List<String> shadowed = new ArrayList<>();
        for (Rule r : rules) {
            if (r.status() < 300 || r.status() >= 400 || r.force() || r.from().contains("*")) continue;
            for (Path f : shadowing(site, r.from())) if (Files.exists(f)) shadowed.add(r.from() + " -> " + r.to() + " is shadowed by " + site.relativize(f));
        }
        assertEquals(List.of(), shadowed, "redirects that never fire on Netlify");
        // the language rules are forced, and the language choice they go around is really built
        List<Rule> languages = rules.stream().filter(r -> r.from().equals("/")).toList();
        assertEquals(List.of("/zh/", "/en/"), languages.stream().map(Rule::to).toList());
        assertTrue(languages.stream().allMatch(r -> r.force() && r.status() == 302 && r.conditions().contains("Language")), languages.toString());
        assertTrue(Files.isRegularFile(site.resolve("index.html")), "readers of other languages get the bilingual choice at /");
        // the 404 rules are the fallback kind: not forced, or every page would be a 404
        assertTrue(rules.stream().filter(r -> r.status() == 404).noneMatch(Rule::force));
    }

    @Test
    void theShadowingRuleIsItselfCaught() {
        List<Rule> unforced = redirects("[[redirects]]\n  from = \"/\"\n  to = \"/en/\"\n  status = 302\n");
        assertEquals(List.of(new Rule("/", "/en/", 302, false, "")), unforced);
        assertTrue(shadowing(site, "/").stream().anyMatch(Files::exists), "the build writes /index.html, which would shadow it");
    }

    @Test
    void pagesHaveNoInlineScriptsOrStylesTheCspWouldBlock() throws IOException {
        String csp = SiteFixture.netlifyCsp();
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".html")).toList()) {
                String html = Files.readString(p, StandardCharsets.UTF_8);
                assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), p + " has an inline script");
                assertFalse(Pattern.compile("\\sstyle=\"|<style").matcher(html).find(), p + " has inline style");
            }
        }
    }
}
