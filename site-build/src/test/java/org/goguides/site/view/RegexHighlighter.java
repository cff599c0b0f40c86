package org.goguides.site.view;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular-expression highlighter as it was before {@link Highlighter} got hand-written scanners, kept as
 * the oracle of {@link HighlighterDifferentialTest} (the scanners must give the same bytes), with {@code \b} read
 * as {@link Highlighter#WORD_BOUNDARY} as the highlighter now reads it on every JDK.
 */
final class RegexHighlighter {
    private record Rule(String cls, String regex) {
    }

    /** Per pattern, the token class of each rule by group number (rule i is group i + 1). */
    private static final Map<Pattern, String[]> CLASSES = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Pattern SH = compile(List.of(
            new Rule("c", "(?<![^\\s;|&(])#[^\\n]*"),
            new Rule("s", "\"(?:\\\\.|[^\"\\\\])*\"|'[^']*'"),
            new Rule("v", "\\$\\{[^}\\n]*}|\\$\\(|\\$[A-Za-z_][A-Za-z0-9_]*|\\$[0-9@#?$!*-]"),
            new Rule("k", "\\b(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|in|function|return|select)\\b(?![-.=/])"),
            new Rule("b", "(?<![\\w.$/-])(?:export|local|set|unset|source|cd|echo|printf|exit|test|read|eval|exec|sudo|go|git|curl|mkdir|rm|cp|mv|cat|ls|grep|sed|awk|tar|chmod|ln|which|command|type|brew|apt|apt-get|dlv|gofmt|env|wsl|uname|file)\\b(?![-.=/])"),
            new Rule("o", "(?<=\\s)--?[A-Za-z0-9][\\w-]*"),
            new Rule("n", "(?<![\\w.])\\d+(?:\\.\\d+)*(?![\\w.])")));
    private static final Pattern GO = compile(List.of(
            new Rule("c", "//[^\\n]*|/\\*[\\s\\S]*?\\*/"),
            new Rule("s", "\"(?:\\\\.|[^\"\\\\\\n])*\"|`[^`]*`|'(?:\\\\.|[^'\\\\\\n])+'"),
            new Rule("k", "\\b(?:break|case|chan|const|continue|default|defer|else|fallthrough|for|func|go|goto|if|import|interface|map|package|range|return|select|struct|switch|type|var)\\b"),
            new Rule("b", "\\b(?:bool|byte|complex64|complex128|error|float32|float64|int|int8|int16|int32|int64|rune|string|uint|uint8|uint16|uint32|uint64|uintptr|any|append|cap|close|copy|delete|len|make|new|panic|print|println|recover|min|max|clear)\\b"),
            new Rule("n", "\\b(?:true|false|nil|iota)\\b|\\b0[xX][0-9a-fA-F_]+\\b|\\b\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b"),
            new Rule("f", "\\b[A-Za-z_]\\w*(?=\\()")));
    private static final Pattern JSON = compile(List.of(
            new Rule("a", "\"(?:\\\\.|[^\"\\\\])*\"(?=\\s*:)"),
            new Rule("s", "\"(?:\\\\.|[^\"\\\\])*\""),
            new Rule("n", "\\b(?:true|false|null)\\b|-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b")));
    private static final Pattern YAML = compile(List.of(
            new Rule("c", "(?<![^\\s])#[^\\n]*"),
            new Rule("a", "(?m)^[ \\t]*(?:- )?[\\w.\\-/\"']+(?=:(?:\\s|$))"),
            new Rule("s", "\"(?:\\\\.|[^\"\\\\])*\"|'[^'\\n]*'"),
            new Rule("n", "\\b(?:true|false|null|yes|no|on|off)\\b|(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.])"),
            new Rule("k", "(?m)^---$")));
    private static final Pattern TOML = compile(List.of(
            new Rule("c", "#[^\\n]*"),
            new Rule("k", "(?m)^[ \\t]*\\[\\[?[^\\]\\n]+]]?"),
            new Rule("a", "(?m)^[ \\t]*[\\w.\\-\"]+(?=\\s*=)"),
            new Rule("s", "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'[^'\\n]*'"),
            new Rule("n", "\\b(?:true|false)\\b|(?<![\\w.])[-+]?\\d[\\d_]*(?:\\.\\d+)?(?![\\w.])")));
    private static final Pattern PS = compile(List.of(
            new Rule("c", "<#[\\s\\S]*?#>|#[^\\n]*"),
            new Rule("s", "\"(?:`.|[^\"`])*\"|'[^']*'"),
            new Rule("v", "\\$(?:\\{[^}]*}|[\\w:]+)"),
            new Rule("k", "(?i)\\b(?:if|else|elseif|foreach|for|while|do|until|switch|function|param|return|try|catch|finally|throw|in)\\b"),
            new Rule("b", "\\b[A-Z][a-zA-Z]+-[A-Z][a-zA-Z]+\\b|\\b(?:wsl|winget|choco|go|git|setx)\\b"),
            new Rule("o", "(?<=\\s)-[A-Za-z][\\w]*"),
            new Rule("n", "(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w.])")));

    private static final Map<String, Pattern> LANGS = Map.ofEntries(
            Map.entry("sh", SH), Map.entry("bash", SH), Map.entry("shell", SH), Map.entry("zsh", SH),
            Map.entry("go", GO), Map.entry("json", JSON), Map.entry("yaml", YAML), Map.entry("yml", YAML),
            Map.entry("toml", TOML), Map.entry("powershell", PS), Map.entry("ps1", PS), Map.entry("pwsh", PS),
            Map.entry("gomod", GO));

    private RegexHighlighter() {
    }

    /** One alternation of the rules, each a capturing group (the rules themselves may not capture). */
    private static Pattern compile(List<Rule> rules) {
        StringBuilder b = new StringBuilder();
        String[] classes = new String[rules.size() + 1];
        for (int i = 0; i < rules.size(); i++) {
            if (Pattern.compile(rules.get(i).regex()).matcher("").groupCount() != 0) {
                throw new IllegalStateException("highlighting rule with a capturing group: " + rules.get(i).regex());
            }
            if (i > 0) b.append('|');
            b.append('(').append(rules.get(i).regex().replace("\\b", Highlighter.WORD_BOUNDARY)).append(')');
            classes[i + 1] = rules.get(i).cls();
        }
        Pattern p = Pattern.compile(b.toString());
        CLASSES.put(p, classes);
        return p;
    }

    /** Whether the language gets more than escaping. */
    public static boolean supports(String lang) {
        String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        return l.equals("console") || LANGS.containsKey(l);
    }

    /** The code as escaped HTML with token spans. */
    public static String html(String lang, String code) {
        String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        if (l.equals("console")) return console(code);
        Pattern p = LANGS.get(l);
        return p == null ? Highlighter.escape(code) : tokens(p, code);
    }

    /** A transcript: {@code $ } lines and their {@code > } continuations as shell, the rest as output. */
    private static String console(String code) {
        StringBuilder out = new StringBuilder();
        boolean inCommand = false;
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("$ ") || line.equals("$")) {
                out.append("<span class=\"tk-p\">$</span>").append(tokens(SH, line.substring(1)));
                inCommand = line.endsWith("\\");
            } else if (line.startsWith("> ") && (inCommand || i > 0 && (lines[i - 1].startsWith("$ ") || lines[i - 1].startsWith("> ")))) {
                out.append("<span class=\"tk-p\">&gt;</span>").append(tokens(SH, line.substring(1)));
            } else if (!line.isEmpty()) {
                out.append("<span class=\"tk-out\">").append(Highlighter.escape(line)).append("</span>");
                inCommand = false;
            }
            if (i < lines.length - 1) out.append('\n');
        }
        return out.toString();
    }

    private static String tokens(Pattern p, String code) {
        StringBuilder out = new StringBuilder(code.length() + 64);
        Matcher m = p.matcher(code);
        int last = 0;
        String[] classes = CLASSES.get(p);
        while (m.find()) {
            if (m.end() == m.start()) continue;
            String cls = null;
            for (int g = 1; g < classes.length; g++) {
                if (m.start(g) >= 0) {
                    cls = classes[g];
                    break;
                }
            }
            Highlighter.escape(code, last, m.start(), out);
            out.append("<span class=\"tk-").append(cls).append("\">");
            Highlighter.escape(code, m.start(), m.end(), out);
            out.append("</span>");
            last = m.end();
        }
        Highlighter.escape(code, last, code.length(), out);
        return out.toString();
    }
}
