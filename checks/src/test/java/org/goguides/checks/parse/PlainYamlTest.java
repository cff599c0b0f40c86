package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.FrontMatter;

/**
 * The front matter read without the YAML library ({@link PlainYaml}) must be the library's reading, or none: what it
 * takes is compared with SnakeYAML's result, what it refuses goes to SnakeYAML (whose errors the guide tests check).
 */
class PlainYamlTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The plain reading, after checking it equals the library's. */
    private static Map<String, Object> sameAsLibrary(String yaml) throws Exception {
        Map<String, Object> plain = PlainYaml.read(yaml);
        if (plain != null) assertEquals(YAML.readValue(yaml, Object.class), plain, yaml);
        return plain;
    }

    @Test
    void theHeadersGuidesUseAreReadAsTheLibraryReadsThem() throws Exception {
        for (String yaml : List.of("title: Install Go", "title: \"Go tutorial, part 1: create a module\"\nsummary: Uses `go env`, C# and a:b.",
                "title: 'It''s'", "title: 'a \\ b'", "title: Go 教程第 1 部分：创建模块\nsummary: 用 testing 包编写单元测试。",
                "platforms: [linux, macos-arm64, wsl]\nweight: 20\ndraft: false\ngroup: 安装", "platforms: []\nafter: create-module",
                "weight: 0", "draft: true", "title: x  \n\nsummary:   y", "tags: [a.b, c_d]", "title: \"#1 / 10\"", "title: '10'",
                "title: Yes we can", "title: [a]", "title: [a] b", "title: { x }", "title: a, b", "title: x # y", "title: a:", "title: a: b",
                "title: yes", "title: No", "title: null", "title: ~", "title: \"a\\\"b\"", "title: \"a\\tb\"", "title: 010", "title: 1.5",
                "title: 2026-11-21", "title: 1_000", "title: -1", "title: 0x1F", "platforms: [on, off]", "platforms: [a, ]", "platforms: [\"a\"]",
                "title: x\ntitle: y", "# c\ntitle: x", "title: x\n  continued", "title:\tx", "title: |\n  x", "title: &a x", "title: *a",
                "title: !!str 1", "- a", "title: x\u00a0y", "title: a\u2028b", "title: \ud83d\ude00", "title:x", "Title : x", "title: 1234567890",
                // an ideographic space (a Chinese keyboard's) is part of a word to YAML, not a blank around it
                "platforms: [linux,\u3000macos]", "platforms: [\u3000linux]", "platforms: [linux\u3000]", "title: \u3000x", "tags: [a, b\u2003]")) {
            sameAsLibrary(yaml);
        }
        assertEquals(Map.of("title", "Go tutorial, part 1: create a module", "summary", "Uses `go env`, C# and a:b."),
                PlainYaml.read("title: \"Go tutorial, part 1: create a module\"\nsummary: Uses `go env`, C# and a:b."));
        assertEquals(Map.of("platforms", List.of("linux", "macos-arm64", "wsl"), "weight", 20, "draft", false, "group", "安装"),
                PlainYaml.read("platforms: [linux, macos-arm64, wsl]\nweight: 20\ndraft: false\ngroup: 安装"));
    }

    @Test
    void whatItDoesNotReadIsLeftToTheLibrary() {
        // words YAML reads as booleans, null, dates or numbers of another kind; escapes, trailing comments, tabs, nesting, repeated keys
        for (String yaml : List.of("title: yes", "title: No", "title: ON", "title: null", "title: ~", "title: 2026-11-21", "title: 1.5",
                "title: 010", "title: -1", "title: 1234567890", "platforms: [yes, no]", "platforms: [a, ]", "platforms: [\"a\"]",
                "title: \"a\\\"b\"", "title: 'It''s'", "title: x # comment", "title: a: b", "title: a:", "title: x\ntitle: y",
                "title: x\n  continued", "title:\tx", "title: |\n  x", "title: &a x", "title: *a", "title: !!str 1",
                "title:", "title:x", "- a", "title: a\u2028b", "title: \ud83d\ude00", "title: a\u0085b", "title: \"x\" y")) {
            assertNull(PlainYaml.read(yaml), yaml);
        }
    }

    @Test
    void randomHeadersAreReadAsTheLibraryReadsThemOrLeftToIt() throws Exception {
        String[] pieces = {"title", "summary", "platforms", "weight", "draft", "k-1", ":", ": ", " ", "  ", "\n", "\"", "'", "[", "]", ", ",
                ",", "#", " #", "a", "Go", "yes", "no", "null", "~", "true", "false", "0", "10", "010", "1.5", "2026-01-02", "-", "\\", "\t",
                "在", "：", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "?", "linux", "é", "\u00a0", "\u3000"};
        Random random = new Random(17);
        int read = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int lines = 1 + random.nextInt(3), l = 0; l < lines; l++) {
                b.append(pieces[random.nextInt(6)]).append(": ");
                for (int k = random.nextInt(6); k > 0; k--) b.append(pieces[random.nextInt(pieces.length)]);
                b.append('\n');
            }
            String yaml = b.toString();
            Map<String, Object> plain = PlainYaml.read(yaml);
            if (plain == null) continue;
            read++;
            assertLibraryReads(yaml, plain);
        }
        assertTrue(read > 3_000, "the comparison covers headers it reads: " + read);
    }

    @Test
    void nestedKeysFlowMapsAndCommentsAreReadAsTheLibraryReadsThem() throws Exception {
        for (String yaml : List.of("# c\ntitle:\n  zh: 中文\n  en: English, too\nlanguages: [zh, en]\n",
                "a:\n  when: {os: darwin, arch: arm64}\n  names: {en: \"macOS (Apple Silicon)\", zh: \"macOS（Apple 芯片）\"}\n",
                "any:\n  when: {}\n  names: {en: 'any, platform', zh: \"{x}: y #z\"}\nwsl:\n\n    when: {os: linux, wsl: true}\n    # c\n",
                "nav.skip: Skip to content\nnav.guides: Guides", "x: {a: b}", "x: { a: b ,  c: false }", "x: {a: 'b'}")) {
            assertNotNull(sameAsLibrary(yaml), yaml);
        }
        for (String yaml : List.of("# only a comment", "title:", "title:\nx: y", "title:\n  zh: x\n   en: y", "title:\n  zh:\n    a: b",
                "title:\n  - a", "x: {a: b, }", "x: {a: b,c: d}", "x: {a: b c}", "x: {a:b}", "x: {a: yes}", "x: {a: True}", "x: {a: 1}",
                "x: {a: 'b''c'}", "x: {a: \"b\\\"c\"}", "x: {a: b, a: c}", "x: {\"a\": b}", "x: {a: b} c", "x: {a: truex}", "title: a # b",
                "yes: x", "null: x", "x:\n  on: y", "title:\n  zh: x\ntitle: y", "title:\n\tzh: x", "  title: x")) {
            assertNull(sameAsLibrary(yaml), yaml);
        }
        assertEquals(Map.of("title", Map.of("zh", "中文", "en", "English, too"), "languages", List.of("zh", "en")),
                PlainYaml.read("# c\ntitle:\n  zh: 中文\n  en: English, too\nlanguages: [zh, en]\n"));
        assertEquals(Map.of("x", Map.of("os", "linux", "wsl", true)), PlainYaml.read("x:  {os: linux, wsl: true}"));
    }

    @Test
    void randomNestedDocumentsAreReadAsTheLibraryReadsThemOrLeftToIt() throws Exception {
        String[] keys = {"title", "zh", "en", "when", "names", "os", "nav.skip", "a-1", "yes", "x"};
        String[] pieces = {"{", "}", "{}", ": ", ":", ", ", ",", " ", "\"", "'", "#", " #", "a", "Go", "true", "false", "no", "null", "1",
                "linux", "macOS (Intel)", "芯片", "[", "]", "\\", "\t", "-", "&", "*", "|", "!", "x y", "}\"", "\u3000"};
        Random random = new Random(25);
        int read = 0;
        int nested = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int lines = 1 + random.nextInt(5), l = 0; l < lines; l++) {
                int kind = random.nextInt(10);
                if (kind == 0) b.append(random.nextBoolean() ? "# c " : "  #").append(pieces[random.nextInt(pieces.length)]);
                else if (kind < 3) b.append(keys[random.nextInt(keys.length)]).append(':');
                else {
                    b.append(kind < 6 ? "" : kind < 9 ? "  " : random.nextBoolean() ? " " : "    ").append(keys[random.nextInt(keys.length)]).append(": ");
                    if (random.nextBoolean()) {
                        b.append('{');
                        for (int e = random.nextInt(3); e > 0; e--) {
                            b.append(keys[random.nextInt(keys.length)]).append(": ").append(pieces[random.nextInt(pieces.length)]);
                            if (e > 1) b.append(pieces[random.nextInt(4) == 0 ? random.nextInt(pieces.length) : 5]);
                        }
                        b.append('}');
                    } else {
                        for (int k = 1 + random.nextInt(3); k > 0; k--) b.append(pieces[random.nextInt(pieces.length)]);
                    }
                }
                b.append('\n');
            }
            String yaml = b.toString();
            Map<String, Object> plain = PlainYaml.read(yaml);
            if (plain == null) continue;
            read++;
            if (plain.values().stream().anyMatch(v -> v instanceof Map)) nested++;
            assertLibraryReads(yaml, plain);
        }
        assertTrue(read > 1_000 && nested > 500, "the comparison covers documents it reads: " + read + ", with maps: " + nested);
    }

    @Test
    void theSettingsAndInterfaceTextOfTheRepositoryAreReadWithoutTheLibrary() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of("../content/site.yml"), Path.of("../content/platforms.yml")));
        try (Stream<Path> s = Files.list(Path.of("../templates/i18n"))) {
            s.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 4, files.toString());
        for (Path f : files) assertNotNull(sameAsLibrary(Files.readString(f, StandardCharsets.UTF_8)), f.toString());
    }

    @Test
    void everyGuideOfTheRepositoryIsReadWithoutTheLibrary() throws Exception {
        for (Path g : RepositoryGuides.files()) {
            FrontMatterParser.Located loc = FrontMatterParser.locate(TextFile.read(g).text());
            assertNotNull(sameAsLibrary(loc.yaml()), g.toString());
        }
    }

    @Test
    void theHeaderOfAFileIsReadAsTheWholeFileWouldBe() {
        String body = "\n# Heading\n\ntext ---\n---\nmore\n";
        List<String> files = new ArrayList<>(List.of("---\ntitle: A\n---" + body, "\uFEFF---\r\ntitle: B\r\n---\r\n" + body,
                "---\rtitle: C\r...\r" + body, "---\ntitle: D\n----\n--- x\n---  \t\n" + body, "---\ntitle: E\n---\u3000\n" + body,
                "---\ntitle: F\n---", "---\ntitle: unclosed\n" + body.replace("---", "- -"), "no front matter\n---\ntitle: x\n---\n",
                "---  \ntitle: x\n---\n", "", "---", "---\n---\n", "---\ntitle: \u00e9\u00ff\n---\n" + body));
        for (String f : files) {
            byte[] bytes = f.getBytes(StandardCharsets.UTF_8);
            String whole = TextFile.normalize(new String(bytes, StandardCharsets.UTF_8));
            String head = FrontMatterParser.header(bytes);
            assertTrue(whole.startsWith(head), f);
            assertEquals(frontMatter(whole), frontMatter(head), f);
        }
        byte[] invalid = "---\ntitle: \u00e9\n---\nbody \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(frontMatter(TextFile.normalize(new String(invalid, StandardCharsets.UTF_8))), frontMatter(FrontMatterParser.header(invalid)));
        assertEquals("---\ntitle: A\n---", FrontMatterParser.header(files.get(0).getBytes(StandardCharsets.UTF_8)), "the body is not decoded");
    }

    @Test
    void theHeaderReadFromTheStartOfAFileIsTheHeaderOfTheWholeFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("index.en.md");
        String body = "\n# Heading\n\n" + "text ---\n".repeat(1_000);
        int checked = 0;
        for (String nl : List.of("\n", "\r\n", "\r")) {
            for (String close : List.of("---", "...", "---   ", "----", "--- x")) {
                for (int pad = FrontMatterParser.PREFIX - 40; pad < FrontMatterParser.PREFIX + 10; pad++) {
                    String head = "---" + nl + "title: " + "在".repeat(pad % 3) + "x".repeat(Math.max(0, pad - 16)) + nl + close;
                    for (String rest : List.of(nl + body, "", nl, nl + "---" + nl + body)) {
                        Files.write(f, (head + rest).getBytes(StandardCharsets.UTF_8));
                        assertEquals(FrontMatterParser.header(Files.readAllBytes(f)), FrontMatterParser.header(f), head + rest);
                        checked++;
                    }
                }
            }
        }
        Files.write(f, ("---\ntitle: A\n---\n" + body).getBytes(StandardCharsets.UTF_8));
        assertEquals("---\ntitle: A\n---", FrontMatterParser.header(f));
        assertTrue(checked > 2_000, "cases: " + checked);
    }

    @Test
    void aHeaderThatNeverClosesIsFoundInLinearTime() {
        byte[] bytes = ("---\ntitle: x\n" + "----\n".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        assertEquals(new String(bytes, StandardCharsets.UTF_8), FrontMatterParser.header(bytes));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "one pass, not a decode per line");
    }

    private static FrontMatter frontMatter(String text) {
        List<String> problems = new ArrayList<>();
        FrontMatter m = FrontMatterParser.parse(text, PlatformCatalog.builtIn(), (line, msg) -> problems.add(line + ": " + msg));
        return new FrontMatter(m.title() + problems, m.summary(), m.platforms(), m.after(), m.afterLine(), m.description(), m.weight(),
                m.group(), m.date(), m.lastmod(), m.draft(), m.aliases(), m.tags());
    }

    /** The library reads {@code yaml} as the plain reader did. */
    private static void assertLibraryReads(String yaml, Map<String, Object> plain) {
        Object library;
        try {
            library = YAML.readValue(yaml, Object.class);
        } catch (Exception e) {
            throw new AssertionError("read without the library, refused by it: " + yaml, e);
        }
        assertEquals(library, plain, yaml);
    }
}
