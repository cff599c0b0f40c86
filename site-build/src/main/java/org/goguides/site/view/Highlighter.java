package org.goguides.site.view;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax highlighting at build time, so pages ship no highlighter script: a small regular-expression
 * lexer per language (sh, console, go, json, yaml, toml, PowerShell) that wraps tokens in
 * {@code <span class="tk-…">}. Everything it returns is HTML-escaped; unknown languages are only escaped.
 * Token classes: {@code c} comment, {@code s} string, {@code k} keyword, {@code b} builtin or command,
 * {@code v} variable, {@code n} number or literal, {@code a} key or attribute, {@code f} function,
 * {@code o} option, {@code p} prompt, {@code out} console output.
 * Shell code (sh and console transcripts, most snippets) and Go are lexed by hand-written scanners that
 * give exactly what their regular expressions gave, at a tenth of the CPU; the other languages' patterns
 * are tried only where a token may start.
 */
public final class Highlighter {
    private record Rule(String cls, String regex) {
    }

    /**
     * A regular-expression lexer: the alternation of its rules, the token class of each rule by group number
     * (rule i is group i + 1), and the ASCII characters a token may start with (see {@link Highlighter#mayStart}).
     */
    private record Lexicon(Pattern pattern, String[] classes, String starts) {
    }

    private static final Lexicon JSON = compile("\"-0123456789tfn", List.of(
            new Rule("a", "\"(?:\\\\.|[^\"\\\\])*\"(?=\\s*:)"),
            new Rule("s", "\"(?:\\\\.|[^\"\\\\])*\""),
            new Rule("n", "\\b(?:true|false|null)\\b|-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b")));
    private static final Lexicon YAML = compile("#\"'-0123456789tfnyo", List.of(
            new Rule("c", "(?<![^\\s])#[^\\n]*"),
            new Rule("a", "(?m)^[ \\t]*(?:- )?[\\w.\\-/\"']+(?=:(?:\\s|$))"),
            new Rule("s", "\"(?:\\\\.|[^\"\\\\])*\"|'[^'\\n]*'"),
            new Rule("n", "\\b(?:true|false|null|yes|no|on|off)\\b|(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.])"),
            new Rule("k", "(?m)^---$")));
    private static final Lexicon TOML = compile("#\"'-+0123456789tf", List.of(
            new Rule("c", "#[^\\n]*"),
            new Rule("k", "(?m)^[ \\t]*\\[\\[?[^\\]\\n]+]]?"),
            new Rule("a", "(?m)^[ \\t]*[\\w.\\-\"]+(?=\\s*=)"),
            new Rule("s", "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'[^'\\n]*'"),
            new Rule("n", "\\b(?:true|false)\\b|(?<![\\w.])[-+]?\\d[\\d_]*(?:\\.\\d+)?(?![\\w.])")));
    private static final Lexicon PS = compile("<#\"'$-0123456789"
            + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", List.of(
            new Rule("c", "<#[\\s\\S]*?#>|#[^\\n]*"),
            new Rule("s", "\"(?:`.|[^\"`])*\"|'[^']*'"),
            new Rule("v", "\\$(?:\\{[^}]*}|[\\w:]+)"),
            new Rule("k", "(?i)\\b(?:if|else|elseif|foreach|for|while|do|until|switch|function|param|return|try|catch|finally|throw|in)\\b"),
            new Rule("b", "\\b[A-Z][a-zA-Z]+-[A-Z][a-zA-Z]+\\b|\\b(?:wsl|winget|choco|go|git|setx)\\b"),
            new Rule("o", "(?<=\\s)-[A-Za-z][\\w]*"),
            new Rule("n", "(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w.])")));

    private static final Map<String, Lexicon> LANGS = Map.ofEntries(
            Map.entry("json", JSON), Map.entry("yaml", YAML), Map.entry("yml", YAML),
            Map.entry("toml", TOML), Map.entry("powershell", PS), Map.entry("ps1", PS), Map.entry("pwsh", PS));
    /** The languages lexed by hand-written scanners rather than by a pattern. */
    private static final Map<String, Lexer> SCANNED = Map.of("sh", Shell::tokenAt, "bash", Shell::tokenAt,
            "shell", Shell::tokenAt, "zsh", Shell::tokenAt, "go", Go::tokenAt, "gomod", Go::tokenAt);
    /** The token classes of the scanners, by the index in a token's low 3 bits. */
    private static final String[] TOKEN_CLASSES = {"c", "s", "v", "k", "b", "o", "n", "f"};
    private static final int C = 0, S = 1, V = 2, K = 3, B = 4, O = 5, N = 6, F = 7;
    /**
     * A word boundary by java.util.regex's {@code \w} alone ({@code [a-zA-Z_0-9]}), in place of {@code \b} in the rules:
     * {@code \b} itself means something else on each JDK (before 19 it took every Unicode letter as a word character,
     * since 19 only {@code \w}'s, but still a combining mark after a letter), so the same code was highlighted
     * differently by JDK 17 and 25 next to Chinese text or accents; this is the same on every JDK.
     */
    static final String WORD_BOUNDARY = "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))";

    /** A hand-written lexer: where the token at a position ends, and its class. */
    @FunctionalInterface
    private interface Lexer {
        /** The token of {@code s} starting at {@code i} as {@link Highlighter#token}, or -1 when no rule matches there. */
        long tokenAt(String s, int i);
    }

    private Highlighter() {
    }

    /** One alternation of the rules, each a capturing group (the rules themselves may not capture). */
    private static Lexicon compile(String starts, List<Rule> rules) {
        StringBuilder b = new StringBuilder();
        String[] classes = new String[rules.size() + 1];
        for (int i = 0; i < rules.size(); i++) {
            if (Pattern.compile(rules.get(i).regex()).matcher("").groupCount() != 0) {
                throw new IllegalStateException("highlighting rule with a capturing group: " + rules.get(i).regex());
            }
            if (i > 0) b.append('|');
            b.append('(').append(rules.get(i).regex().replace("\\b", WORD_BOUNDARY)).append(')');
            classes[i + 1] = rules.get(i).cls();
        }
        return new Lexicon(Pattern.compile(b.toString()), classes, starts);
    }

    /** Whether the language gets more than escaping. */
    public static boolean supports(String lang) {
        String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        return l.equals("console") || SCANNED.containsKey(l) || LANGS.containsKey(l);
    }

    /** The code as escaped HTML with token spans. */
    public static String html(String lang, String code) {
        String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        if (l.equals("console")) return console(code);
        Lexer lexer = SCANNED.get(l);
        if (lexer != null) return scan(lexer, code);
        Lexicon lexicon = LANGS.get(l);
        return lexicon == null ? escape(code) : tokens(lexicon, code);
    }

    /** A transcript: {@code $ } lines and their {@code > } continuations as shell, the rest as output. */
    private static String console(String code) {
        StringBuilder out = new StringBuilder();
        boolean inCommand = false;
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("$ ") || line.equals("$")) {
                out.append("<span class=\"tk-p\">$</span>").append(scan(Shell::tokenAt, line.substring(1)));
                inCommand = line.endsWith("\\");
            } else if (line.startsWith("> ") && (inCommand || i > 0 && (lines[i - 1].startsWith("$ ") || lines[i - 1].startsWith("> ")))) {
                out.append("<span class=\"tk-p\">&gt;</span>").append(scan(Shell::tokenAt, line.substring(1)));
            } else if (!line.isEmpty()) {
                out.append("<span class=\"tk-out\">").append(escape(line)).append("</span>");
                inCommand = false;
            }
            if (i < lines.length - 1) out.append('\n');
        }
        return out.toString();
    }

    /**
     * The code as escaped HTML with a span around each token of the lexicon. What {@code Matcher.find}
     * would do, cheaper: the pattern is tried only where {@link #mayStart} lets a token start, with
     * transparent and non-anchoring bounds so lookarounds, {@code \b} and {@code ^} see the whole code.
     */
    private static String tokens(Lexicon lexicon, String code) {
        StringBuilder out = new StringBuilder(code.length() + 64);
        Matcher m = lexicon.pattern().matcher(code).useTransparentBounds(true).useAnchoringBounds(false);
        String[] classes = lexicon.classes();
        int last = 0;
        int i = 0;
        while (i < code.length()) {
            if (!mayStart(code, i, lexicon.starts())) {
                i++;
                continue;
            }
            m.region(i, code.length());
            if (!m.lookingAt() || m.end() == i) {
                i++;
                continue;
            }
            String cls = null;
            for (int g = 1; g < classes.length; g++) {
                if (m.start(g) >= 0) {
                    cls = classes[g];
                    break;
                }
            }
            escape(code, last, i, out);
            out.append("<span class=\"tk-").append(cls).append("\">");
            escape(code, i, m.end(), out);
            out.append("</span>");
            last = i = m.end();
        }
        escape(code, last, code.length(), out);
        return out.toString();
    }

    /**
     * Whether a token may start at {@code i}: always at a line start (for {@code ^}) and at non-ASCII
     * text; an ASCII character only if it is in {@code starts}, the characters the rules' first element can
     * match, and a word character only after a non-word one (every rule starting with a letter or digit
     * begins with {@code \b} or a lookbehind excluding {@code \w}, or with {@code ^}).
     */
    private static boolean mayStart(String s, int i, String starts) {
        if (i == 0) return true;
        char c = s.charAt(i);
        char before = s.charAt(i - 1);
        if (c >= 128 || isLineTerminator(before)) return true;
        if (starts.indexOf(c) < 0) return false;
        return !isWord(c) || !isWord(before);
    }

    /** The code as escaped HTML, with a span around each token the lexer finds (leftmost first). */
    private static String scan(Lexer lexer, String code) {
        StringBuilder out = new StringBuilder(code.length() + 64);
        int last = 0;
        int i = 0;
        while (i < code.length()) {
            long token = lexer.tokenAt(code, i);
            if (token < 0) {
                i++;
                continue;
            }
            int end = (int) (token >>> 3);
            escape(code, last, i, out);
            out.append("<span class=\"tk-").append(TOKEN_CLASSES[(int) (token & 7)]).append("\">");
            escape(code, i, end, out);
            out.append("</span>");
            last = i = end;
        }
        escape(code, last, code.length(), out);
        return out.toString();
    }

    /** A token as its end shifted left by 3 plus its class index. */
    private static long token(int end, int cls) {
        return (long) end << 3 | cls;
    }

    /** java.util.regex's {@code \s}: {@code [ \t\n\x0B\f\r]}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** java.util.regex's {@code \w}: {@code [a-zA-Z_0-9]}. */
    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The characters java.util.regex's {@code .} does not match. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Where the line of {@code i} ends: its {@code \n}, or the end of the text. */
    private static int lineEnd(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl;
    }

    /**
     * The end of a literal opened by the quote at {@code i} ({@code "(?:\\.|[^"\\])*"} and its kin), or -1: the
     * first quote not escaped closes it, since the repetition splits the text one way only; a backslash before a
     * line terminator (where {@code .} fails) or at the end of the text means no literal here, and so does a
     * {@code \n} before the close when {@code stopAtNewline}.
     */
    private static int quotedEnd(String s, int i, char quote, boolean stopAtNewline) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == quote) return j + 1;
            if (c == '\n' && stopAtNewline) return -1;
            if (c == '\\') {
                if (j + 1 >= s.length() || isLineTerminator(s.charAt(j + 1))) return -1;
                j += 2;
            } else {
                j++;
            }
        }
        return -1;
    }

    /** Whether there is a word boundary at {@code i}: a {@link #isWord} character on one side only ({@link #WORD_BOUNDARY}). */
    private static boolean boundary(String s, int i) {
        return (i > 0 && isWord(s.charAt(i - 1))) != (i < s.length() && isWord(s.charAt(i)));
    }

    /**
     * The shell lexer: a hand-written scanner for the rules below, which used to be one regular expression.
     * Highlighting was ~6 % of a build's CPU, almost all of it {@code Matcher.find} trying seven
     * alternatives with lookbehinds at every character of the many sh and console snippets. The scanner
     * gives byte-identical output ({@code HighlighterDifferentialTest} compares it with the regular
     * expression on every guide's code and on random snippets): the leftmost position where a rule
     * matches wins, and there the first rule in this order:
     * <pre>
     * c  (?&lt;![^\s;|&amp;(])#[^\n]*
     * s  "(?:\\.|[^"\\])*"|'[^']*'
     * v  \$\{[^}\n]*}|\$\(|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9@#?$!*-]
     * k  \b(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|in|function|return|select)\b(?![-.=/])
     * b  (?&lt;![\w.$/-])(?:export|local|…|apt|apt-get|…|file)\b(?![-.=/])   (the set {@link #BUILTINS})
     * o  (?&lt;=\s)--?[A-Za-z0-9][\w-]*
     * n  (?&lt;![\w.])\d+(?:\.\d+)*(?![\w.])
     * </pre>
     * {@code \w}, {@code \d} and {@code \s} are ASCII classes in java.util.regex; {@code \b} is
     * {@link #WORD_BOUNDARY}, a boundary of {@code \w} alone, the same on every JDK.
     */
    private static final class Shell {
        private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "for", "while",
                "until", "do", "done", "case", "esac", "in", "function", "return", "select");
        /** The builtins and commands but {@code apt-get}, which is handled beside {@code apt}. */
        private static final Set<String> BUILTINS = Set.of("export", "local", "set", "unset", "source", "cd",
                "echo", "printf", "exit", "test", "read", "eval", "exec", "sudo", "go", "git", "curl", "mkdir",
                "rm", "cp", "mv", "cat", "ls", "grep", "sed", "awk", "tar", "chmod", "ln", "which", "command",
                "type", "brew", "apt", "dlv", "gofmt", "env", "wsl", "uname", "file");
        private Shell() {
        }

        static long tokenAt(String s, int i) {
            char ch = s.charAt(i);
            switch (ch) {
                case '#':
                    return i == 0 || isSeparator(s.charAt(i - 1)) ? token(lineEnd(s, i), C) : -1;
                case '"': {
                    int end = quotedEnd(s, i, '"', false);
                    return end < 0 ? -1 : token(end, S);
                }
                case '\'': {
                    int close = s.indexOf('\'', i + 1);
                    return close < 0 ? -1 : token(close + 1, S);
                }
                case '$':
                    return variable(s, i);
                case '-':
                    return option(s, i);
                default:
                    if (ch >= '0' && ch <= '9') return number(s, i);
                    if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') return word(s, i);
                    return -1;
            }
        }

        /** Where a comment may start after it: {@code [\s;|&(]}. */
        private static boolean isSeparator(char c) {
            return isSpace(c) || c == ';' || c == '|' || c == '&' || c == '(';
        }

        private static boolean isAlnum(char c) {
            return c != '_' && isWord(c);
        }

        private static long variable(String s, int i) {
            if (i + 1 >= s.length()) return -1;
            char d = s.charAt(i + 1);
            if (d == '{') {
                for (int j = i + 2; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (c == '}') return token(j + 1, V);
                    if (c == '\n') return -1;
                }
                return -1;
            }
            if (d == '(') return token(i + 2, V);
            if (d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || d == '_') {
                int j = i + 2;
                while (j < s.length() && isWord(s.charAt(j))) j++;
                return token(j, V);
            }
            return "0123456789@#?$!*-".indexOf(d) >= 0 ? token(i + 2, V) : -1;
        }

        private static long option(String s, int i) {
            if (i == 0 || !isSpace(s.charAt(i - 1))) return -1;
            int j = i + 1;
            if (j < s.length() && s.charAt(j) == '-') j++;
            if (j >= s.length() || !isAlnum(s.charAt(j))) return -1;
            j++;
            while (j < s.length() && (isWord(s.charAt(j)) || s.charAt(j) == '-')) j++;
            return token(j, O);
        }

        /** Backtracking cannot help the number rule: every shorter match ends before a digit or a dot. */
        private static long number(String s, int i) {
            if (i > 0 && (isWord(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) return -1;
            int j = i + 1;
            while (j < s.length() && isDigit(s.charAt(j))) j++;
            while (j + 1 < s.length() && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
                j += 2;
                while (j < s.length() && isDigit(s.charAt(j))) j++;
            }
            if (j < s.length() && (isWord(s.charAt(j)) || s.charAt(j) == '.')) return -1;
            return token(j, N);
        }

        /**
         * A keyword or builtin at the ASCII letter at {@code i}. Both end at a word boundary, and the
         * word's letters are word characters, so the word must be the whole run of {@code \w} from
         * {@code i} (or {@code apt-get}).
         */
        private static long word(String s, int i) {
            char before = i == 0 ? ' ' : s.charAt(i - 1);
            if (i > 0 && isWord(before)) return -1;
            boolean keywordMayStart = before < 128 || boundary(s, i);
            boolean builtinMayStart = before != '.' && before != '$' && before != '/' && before != '-';
            if (!keywordMayStart && !builtinMayStart) return -1;
            int r = i + 1;
            while (r < s.length() && isWord(s.charAt(r))) r++;
            if (r - i > 8) return -1;
            String w = s.substring(i, r);
            if (keywordMayStart && KEYWORDS.contains(w) && endsWord(s, r)) return token(r, K);
            if (builtinMayStart) {
                if (BUILTINS.contains(w) && endsWord(s, r)) return token(r, B);
                if (w.equals("apt") && s.startsWith("-get", r) && endsWord(s, r + 4)) return token(r + 4, B);
            }
            return -1;
        }

        /** {@code \b(?![-.=/])} after a word character at {@code r - 1}. */
        private static boolean endsWord(String s, int r) {
            if (r == s.length()) return true;
            char c = s.charAt(r);
            if (c < 128) return !isWord(c) && c != '-' && c != '.' && c != '=' && c != '/';
            return boundary(s, r);
        }

    }

    /**
     * The Go lexer: a hand-written scanner giving exactly the tokens of these rules, tried in this order
     * at the leftmost position where one matches (why by hand: see {@link Shell}):
     * <pre>
     * c  //[^\n]*|/\*[\s\S]*?\*&#47;
     * s  "(?:\\.|[^"\\\n])*"|`[^`]*`|'(?:\\.|[^'\\\n])+'
     * k  \b(?:break|case|…|var)\b                 (the set {@link #KEYWORDS})
     * b  \b(?:bool|byte|…|clear)\b                (the set {@link #BUILTINS})
     * n  \b(?:true|false|nil|iota)\b|\b0[xX][0-9a-fA-F_]+\b|\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?\b
     * f  \b[A-Za-z_]\w*(?=\()
     * </pre>
     */
    private static final class Go {
        private static final Set<String> KEYWORDS = Set.of("break", "case", "chan", "const", "continue",
                "default", "defer", "else", "fallthrough", "for", "func", "go", "goto", "if", "import",
                "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var");
        private static final Set<String> BUILTINS = Set.of("bool", "byte", "complex64", "complex128", "error",
                "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8",
                "uint16", "uint32", "uint64", "uintptr", "any", "append", "cap", "close", "copy", "delete", "len",
                "make", "new", "panic", "print", "println", "recover", "min", "max", "clear");
        private static final Set<String> LITERALS = Set.of("true", "false", "nil", "iota");

        private Go() {
        }

        static long tokenAt(String s, int i) {
            char ch = s.charAt(i);
            switch (ch) {
                case '/':
                    return comment(s, i);
                case '"':
                    return quoted(s, i, '"', 0);
                case '\'':
                    return quoted(s, i, '\'', 1);
                case '`': {
                    int close = s.indexOf('`', i + 1);
                    return close < 0 ? -1 : token(close + 1, S);
                }
                default:
                    if (!isWord(ch)) return -1;
                    // every other rule starts with \b before a word character
                    if (i > 0 && (isWord(s.charAt(i - 1)) || s.charAt(i - 1) >= 128 && !boundary(s, i))) return -1;
                    return isDigit(ch) ? number(s, i) : word(s, i);
            }
        }

        private static long comment(String s, int i) {
            if (i + 1 >= s.length()) return -1;
            if (s.charAt(i + 1) == '/') return token(lineEnd(s, i), C);
            if (s.charAt(i + 1) != '*') return -1;
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? -1 : token(close + 2, C);
        }

        /** A {@code "…"} or {@code '…'} literal from {@code i} ({@link #quotedEnd} without newlines), of at least {@code minLength} chars inside. */
        private static long quoted(String s, int i, char quote, int minLength) {
            int end = quotedEnd(s, i, quote, true);
            return end < 0 || end - i - 2 < minLength ? -1 : token(end, S);
        }

        /** A keyword, builtin, literal or function name: the whole {@code \w} run from {@code i}. */
        private static long word(String s, int i) {
            int r = i + 1;
            while (r < s.length() && isWord(s.charAt(r))) r++;
            if (r - i <= 11 && endsWord(s, r)) {
                String w = s.substring(i, r);
                if (KEYWORDS.contains(w)) return token(r, K);
                if (BUILTINS.contains(w)) return token(r, B);
                if (LITERALS.contains(w)) return token(r, N);
            }
            return r < s.length() && s.charAt(r) == '(' ? token(r, F) : -1;
        }

        /**
         * A number at the digit at {@code i}: hexadecimal, else decimal. Each ends at a word boundary, after
         * a word character; of the decimal's backtracking choices only the ends of its greedy parts can be
         * followed by a boundary, tried in the regular expression's order (with fraction, then without;
         * with exponent, then without).
         */
        private static long number(String s, int i) {
            int n = s.length();
            if (s.charAt(i) == '0' && i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
                int h = i + 2;
                while (h < n && (isHex(s.charAt(h)) || s.charAt(h) == '_')) h++;
                if (h > i + 2 && endsWord(s, h)) return token(h, N);
            }
            int d = i + 1;
            while (d < n && (isDigit(s.charAt(d)) || s.charAt(d) == '_')) d++;
            if (d + 1 < n && s.charAt(d) == '.' && isDigit(s.charAt(d + 1))) {
                int f = digitsEnd(s, d + 1);
                int e = exponentEnd(s, f);
                if (e >= 0) return token(e, N);
                if (endsWord(s, f)) return token(f, N);
            }
            int e = exponentEnd(s, d);
            if (e >= 0) return token(e, N);
            return endsWord(s, d) ? token(d, N) : -1;
        }

        /** The end of {@code [eE][+-]?\d+\b} from {@code i}, or -1. */
        private static int exponentEnd(String s, int i) {
            if (i >= s.length() || s.charAt(i) != 'e' && s.charAt(i) != 'E') return -1;
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
            if (j >= s.length() || !isDigit(s.charAt(j))) return -1;
            int end = digitsEnd(s, j);
            return endsWord(s, end) ? end : -1;
        }

        private static int digitsEnd(String s, int i) {
            while (i < s.length() && isDigit(s.charAt(i))) i++;
            return i;
        }

        private static boolean isHex(char c) {
            return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        }

        /** {@code \b} after a word character at {@code r - 1}. */
        private static boolean endsWord(String s, int r) {
            if (r == s.length()) return true;
            char c = s.charAt(r);
            return c < 128 ? !isWord(c) : boundary(s, r);
        }
    }

    /** {@link #escape(String)} of {@code s[from, to)}, appended to {@code b} (the test's regular-expression oracle shares it). */
    static void escape(String s, int from, int to, StringBuilder b) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        escape(s, 0, s.length(), b);
        return b.toString();
    }
}
