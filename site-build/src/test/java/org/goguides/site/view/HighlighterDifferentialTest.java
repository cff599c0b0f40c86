package org.goguides.site.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@link Highlighter}'s hand-written scanners give the same bytes as the regular expressions they replace
 * ({@link RegexHighlighter}, the old code unchanged): on every code block of the guides and the test
 * fixtures, and on random snippets from an alphabet made to reach every rule and its edges.
 */
class HighlighterDifferentialTest {
    private static final List<String> LANGS = List.of("sh", "bash", "shell", "zsh", "console", "go", "gomod",
            "json", "yaml", "yml", "toml", "powershell", "ps1", "pwsh", "text", "", "SH", "Console");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})[ \\t]*([^\\s`]*).*$");

    /** Pieces of shell text: every rule's start, its edges and what must stop it. */
    private static final String[] SHELL_PIECES = {
        " ", "  ", "\t", "\n", "\r\n", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u3000", "\u00a0",
        ";", "|", "&", "(", ")", "&&", "||", "<", ">", ":", ",", "@", "*", "?", "!", "~", "`", "{", "}",
        "#", "# note", "#!", "\"", "'", "\\", "\\\"", "\\'", "\\\n", "\\\r", "\\\u2028", "\"a b\"", "'x'",
        "$", "${", "${x}", "$(", "$1", "$@", "$#", "$?", "$$", "$!", "$*", "$-", "$_", "$x", "$HOME", "$中",
        "-", "--", "-v", "--version", "--x-y", "-1", "-_", "---x", ".", "=", "/", "./", "..",
        "0", "1", "42", "1.2", "1.2.3", "1.", ".5", "1a", "_", "a", "x", "Z", "q9",
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in",
        "function", "return", "select", "functions", "apt", "apt-get", "-get", "get", "go", "gofmt", "git",
        "echo", "sudo", "type", "file", "export", "cd", "ls", "env", "uname", "command", "tar", "wsl", "dlv",
        "中", "文", "中文", "注释", "é", "\u0301", "\u0663", "\u00b2", "😀", "\uD83D", "\uDE00", "Ω",
    };

    @Test
    void everyCodeBlockOfTheGuidesAndFixturesIsHighlightedAsBefore() throws IOException {
        List<String> blocks = new ArrayList<>();
        Map<String, Integer> langs = new TreeMap<>();
        for (Path root : List.of(Path.of("..", "content"), Path.of("src", "test", "resources"),
                Path.of("..", "checks", "src", "test", "resources"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                    for (String[] block : codeBlocks(Files.readString(f, StandardCharsets.UTF_8))) {
                        langs.merge(block[0], 1, Integer::sum);
                        blocks.add(block[0]);
                        blocks.add(block[1]);
                    }
                }
            }
        }
        assertTrue(blocks.size() / 2 > 200, "too few code blocks found: " + blocks.size() / 2);
        assertTrue(langs.getOrDefault("console", 0) > 50 && langs.getOrDefault("sh", 0) > 10, langs.toString());
        for (int i = 0; i < blocks.size(); i += 2) {
            String code = blocks.get(i + 1);
            same(blocks.get(i), code);
            for (String lang : LANGS) {
                same(lang, code);
                same(lang, code.replace("\n", "\r\n"));
            }
        }
    }

    /** Pieces of Go text: every rule's start, its edges and what must stop it. */
    private static final String[] GO_PIECES = {
        " ", "  ", "\t", "\n", "\r\n", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u3000",
        "(", ")", "{", "}", "[", "]", ".", ",", ";", ":=", "=", "+", "-", "*", "&", "<-", "#", "$",
        "//", "// note", "/*", "*/", "/", "/*/", "\"", "'", "`", "\\", "\\n", "\\\"", "\\'", "\"a\"", "'x'",
        "0", "1", "42", "0x", "0X1f", "0xg", "0x_", "1_000", "_", "1.5", "1.", ".5", "e", "E", "e+", "e-3",
        "1e9", "2.5E-3", "E+", "x", "a", "Z", "g", "f", "ab", "_x", "x_", "q9", "abcdefghijkl",
        "func", "fmt", "Println", "main", "if", "go", "goto", "int", "int64", "string", "len", "make", "true",
        "nil", "iota", "false", "fallthrough", "interface", "complex128", "uintptr", "max",
        "中", "文", "中文", "é", "\u0301", "\u0663", "\u00b2", "😀", "\uD83D", "\uDE00",
    };

    @Test
    void randomGoSnippetsAreHighlightedAsBeforeAndReachEveryRule() {
        Random r = new Random(19);
        Map<String, Integer> classes = new TreeMap<>();
        for (int n = 0; n < 60_000; n++) {
            StringBuilder b = new StringBuilder();
            int pieces = 1 + r.nextInt(25);
            for (int i = 0; i < pieces; i++) b.append(GO_PIECES[r.nextInt(GO_PIECES.length)]);
            count(same(n % 2 == 0 ? "go" : "gomod", b.toString()), classes);
        }
        for (String cls : List.of("c", "s", "k", "b", "n", "f")) {
            assertTrue(classes.getOrDefault(cls, 0) > 1_000, "rule " + cls + " too rare: " + classes);
        }
    }

    /** Pieces of YAML, TOML, JSON and PowerShell text, for the languages still lexed by the patterns. */
    private static final String[] DATA_PIECES = {
        " ", "  ", "\t", "\n", "\r\n", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u2029", "\u3000",
        "\n---\n", "---", "- ", "-", ":", ": ", " :", "=", " = ", "[", "[[", "]", "]]", "{", "}", ",", "(", ")",
        "#", " #", "# note", "<#", "#>", "\"", "\"\"\"", "'", "`", "`\"", "\\", "\\\"", "\"k\"", "'v'",
        "$", "${x}", "$env:PATH", "$_", "-Name", " -x", "Get-Item", "get-item", "Set-Content", "IF", "If", "if",
        "foreach", "elseif", "function", "wsl", "git", "setx", "true", "yes", "no", "on", "off", "null", "false",
        "1", "-1", "+1", "1.5", "1_000", "1.2.3", "1e5", "-3.5e+2", "0", ".", "/", "_", "key", "a.b", "x",
        "T", "n", "o", "y", "中", "文", "é", "\u0301", "\u0663", "😀", "\u212A", "\u017F", "\u0130",
    };

    @Test
    void randomDataAndPowerShellSnippetsAreHighlightedAsBeforeAndReachEveryRule() {
        Map<String, List<String>> rules = Map.of("json", List.of("a", "s", "n"),
                "yaml", List.of("c", "a", "s", "n", "k"), "toml", List.of("c", "k", "a", "s", "n"),
                "powershell", List.of("c", "s", "v", "k", "b", "o", "n"));
        Random r = new Random(20);
        for (String lang : List.of("json", "yaml", "toml", "powershell")) {
            Map<String, Integer> classes = new TreeMap<>();
            for (int n = 0; n < 50_000; n++) {
                StringBuilder b = new StringBuilder();
                int pieces = 1 + r.nextInt(25);
                for (int i = 0; i < pieces; i++) b.append(DATA_PIECES[r.nextInt(DATA_PIECES.length)]);
                count(same(lang, b.toString()), classes);
            }
            for (String cls : rules.get(lang)) {
                assertTrue(classes.getOrDefault(cls, 0) > 200, lang + ": rule " + cls + " too rare: " + classes);
            }
        }
    }

    @Test
    void randomShellSnippetsAreHighlightedAsBeforeAndReachEveryRule() {
        Random r = new Random(17);
        Map<String, Integer> classes = new TreeMap<>();
        for (int n = 0; n < 60_000; n++) {
            String code = shell(r, 1 + r.nextInt(25));
            count(same(n % 2 == 0 ? "sh" : "bash", code), classes);
        }
        for (String cls : List.of("c", "s", "v", "k", "b", "o", "n")) {
            assertTrue(classes.getOrDefault(cls, 0) > 1_000, "rule " + cls + " too rare: " + classes);
        }
    }

    @Test
    void randomTranscriptsAreHighlightedAsBeforeAndReachEveryRule() {
        Random r = new Random(18);
        String[] prompts = {"$ ", "$", "> ", ">", "", "  ", "$  ", "$\t"};
        Map<String, Integer> classes = new TreeMap<>();
        for (int n = 0; n < 60_000; n++) {
            StringBuilder b = new StringBuilder();
            int lines = 1 + r.nextInt(5);
            for (int l = 0; l < lines; l++) {
                if (l > 0) b.append(r.nextInt(4) == 0 ? "\r\n" : "\n");
                b.append(prompts[r.nextInt(prompts.length)]).append(shell(r, r.nextInt(12)));
                if (r.nextInt(5) == 0) b.append('\\');
            }
            count(same("console", b.toString()), classes);
        }
        for (String cls : List.of("c", "s", "v", "k", "b", "o", "n", "p", "out")) {
            assertTrue(classes.getOrDefault(cls, 0) > 1_000, "class " + cls + " too rare: " + classes);
        }
    }

    /** The edges the random text is meant to reach, named so a regression shows which. */
    @Test
    void namedEdgesAreHighlightedAsBefore() {
        for (String code : List.of("a#b # c", "x;#c", "(#c", "\"a\\\"b\" 'c", "\"a\\\nb\"", "\"x", "'x",
                "${x", "${x\n}", "$", "$(", "$中", "if中", "中if", "é\u0301if", "if\u0301", "do-x", "done.x",
                "apt-get install", "apt-get-x", "apt-getx", "x.apt", "$go", "/go", "go=1", "go/x", "1.2.3.",
                "1.2.x", "v1.2", "1.2中", "中1", " --x-y_z", "x--y", " ---x", " -", "\tfunction f", "😀if",
                "\uD83Dif", "if\uDE00", "echo \u0663", "\u00b2go", "a\r\n# c\r\nb", "1.5x", "1.5e3x", "1e+",
                "0x1fg", "0x", "1_2.3E-4", "f(x)", "func\u0301()", "中func", "'' 'a' '\\''", "\"a\\\nb\"", "/*/ */")) {
            for (String lang : List.of("sh", "console", "go")) {
                same(lang, code);
                same(lang, "$ " + code);
            }
        }
    }

    @Test
    void theSameLanguagesAreSupported() {
        for (String lang : LANGS) assertEquals(RegexHighlighter.supports(lang), Highlighter.supports(lang), lang);
        assertEquals(RegexHighlighter.supports(null), Highlighter.supports(null));
    }

    private static String same(String lang, String code) {
        String expected = RegexHighlighter.html(lang, code);
        assertEquals(expected, Highlighter.html(lang, code), () -> lang + " code: " + visible(code));
        return expected;
    }

    private static String shell(Random r, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) b.append(SHELL_PIECES[r.nextInt(SHELL_PIECES.length)]);
        return b.toString();
    }

    private static final Pattern CLASS = Pattern.compile("<span class=\"tk-([a-z]+)\">");

    private static void count(String html, Map<String, Integer> classes) {
        Matcher m = CLASS.matcher(html);
        while (m.find()) classes.merge(m.group(1), 1, Integer::sum);
    }

    /** Fenced code blocks as {language, code}, as CommonMark reads them at the top level. */
    private static List<String[]> codeBlocks(String markdown) {
        List<String[]> blocks = new ArrayList<>();
        String[] lines = markdown.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) continue;
            String fence = open.group(1);
            StringBuilder code = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].strip().startsWith(fence)) code.append(lines[j++]).append('\n');
            blocks.add(new String[] {open.group(2), code.toString()});
            i = j;
        }
        return blocks;
    }

    private static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }

    /** Next to Chinese text and combining marks a keyword is found the same way on every JDK (JDK 17 and 25 differed). */
    @Test
    void wordBoundariesAreTheSameOnEveryJdk() {
        assertEquals("<span class=\"tk-b\">echo</span> 完成<span class=\"tk-k\">if</span> x", Highlighter.html("sh", "echo 完成if x"));
        assertEquals("<span class=\"tk-k\">if</span>\u0301 <span class=\"tk-n\">true</span>", Highlighter.html("go", "if\u0301 true"));
        assertEquals("{<span class=\"tk-a\">&quot;a&quot;</span>: 中<span class=\"tk-n\">true</span>}", Highlighter.html("json", "{\"a\": 中true}"));
    }
}
