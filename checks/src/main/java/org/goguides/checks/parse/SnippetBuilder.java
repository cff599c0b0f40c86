package org.goguides.checks.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.ExitExpectation;
import org.goguides.checks.model.ExpectedOutput;
import org.goguides.checks.model.MatchMode;
import org.goguides.checks.model.Requirements;
import org.goguides.checks.model.SnippetKind;
import org.goguides.checks.model.StepOptions;
import org.goguides.checks.model.TranscriptStep;

/**
 * Turns one fenced block's info string into validated snippet settings. Every problem is
 * reported through the callback with the block's line; nothing is thrown.
 */
final class SnippetBuilder {
    static final Set<String> SHELLS = Set.of("sh", "bash", "shell");
    static final List<String> KEYS = List.of("id", "os", "arch", "platform", "requires", "network", "root", "interop", "exit",
            "timeout", "file", "run", "session", "after", "shell", "skip", "match", "hl");
    private static final Set<String> FLAGS = Set.of("network", "root", "interop", "run");
    private static final Set<String> RUN_ONLY = Set.of("os", "arch", "platform", "requires", "network", "root", "interop", "exit",
            "timeout", "session", "after", "shell", "match");
    static final List<String> OS = List.of("linux", "darwin", "windows");
    static final List<String> ARCH = List.of("amd64", "arm64");
    private static final Map<String, String> OS_ALIASES = Map.of("macos", "darwin", "mac", "darwin", "osx", "darwin",
            "win", "windows", "wsl", "linux (or platform=wsl)");
    private static final Map<String, String> ARCH_ALIASES = Map.of("x86_64", "amd64", "x64", "amd64", "aarch64", "arm64",
            "m1", "arm64", "intel", "amd64");
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final Pattern GO_REQ = Pattern.compile("go\\s*(>=|<=|>|<|=|==)\\s*(\\S*)");
    private static final Pattern GO_VERSION = Pattern.compile("(?:go)?(1\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern TIMEOUT = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Consumer<String> problem;
    final Map<String, String> attrs = new LinkedHashMap<>();
    String lang;
    SnippetKind kind;

    SnippetBuilder(InfoString info, Consumer<String> problem) {
        this.problem = problem;
        this.lang = info.lang();
        info.errors().forEach(problem);
        for (InfoString.Attribute a : info.attributes()) {
            if (!KEYS.contains(a.key())) {
                String hint = a.key().startsWith(".") ? "classes are not supported; " : Suggest.didYouMean(a.key(), KEYS);
                problem.accept("unknown attribute \"" + a.key() + "\" (" + hint + "allowed: " + String.join(", ", KEYS) + ")");
                continue;
            }
            if (attrs.containsKey(a.key())) {
                problem.accept("attribute \"" + a.key() + "\" given twice (give each attribute once)");
                continue;
            }
            if (FLAGS.contains(a.key()) && a.value() != null) {
                problem.accept("\"" + a.key() + "\" is a flag and takes no value (write " + a.key() + ", not " + a.key() + "=" + a.value() + ")");
                continue;
            }
            if (!FLAGS.contains(a.key()) && a.value() == null) {
                problem.accept("attribute \"" + a.key() + "\" needs a value (write " + a.key() + "=...)");
                continue;
            }
            if (!FLAGS.contains(a.key()) && a.value().isBlank()) {
                problem.accept("attribute \"" + a.key() + "\" has an empty value (write " + a.key() + "=...)");
                continue;
            }
            attrs.put(a.key(), a.value() == null ? "" : a.value());
        }
        this.kind = kindOf();
    }

    private SnippetKind kindOf() {
        if (attrs.containsKey("file")) return SnippetKind.FILE;
        if (SHELLS.contains(lang)) return SnippetKind.SHELL;
        if (lang.equals("console")) return SnippetKind.CONSOLE;
        if (lang.equals("go") && attrs.containsKey("run")) return SnippetKind.GO_RUN;
        return SnippetKind.DISPLAY;
    }

    /** Reports attributes that make no sense for this kind of block. */
    void checkApplicable() {
        if (attrs.containsKey("run") && !lang.equals("go")) problem.accept("\"run\" is only for go blocks (this block is " + describeLang() + ")");
        if (attrs.containsKey("run") && attrs.containsKey("file")) problem.accept("a go block takes \"run\" or \"file=\", not both");
        if (kind == SnippetKind.DISPLAY) {
            for (String k : attrs.keySet()) {
                if (RUN_ONLY.contains(k)) {
                    problem.accept("attribute \"" + k + "\" has no effect: a " + describeLang() + " block is shown, not executed "
                            + "(executed: sh, bash, shell, console, go with run or file=)");
                }
            }
        }
        if (kind == SnippetKind.FILE) {
            for (String k : List.of("exit", "timeout", "match")) {
                if (attrs.containsKey(k)) problem.accept("attribute \"" + k + "\" has no effect on a file= block (it is written, not run)");
            }
        }
        if (kind == SnippetKind.FILE && attrs.containsKey("shell")) {
            problem.accept("attribute \"shell\" has no effect on a file= block (it is written, not run)");
        }
        if (attrs.containsKey("match") && kind != SnippetKind.CONSOLE) {
            problem.accept("\"match=\" belongs on the output block (or on a console transcript), not on a " + describeLang() + " block");
        }
    }

    private String describeLang() {
        return lang.isEmpty() ? "plain" : "\"" + lang + "\"";
    }

    String id() {
        String id = attrs.get("id");
        if (id != null && !ID.matcher(id).matches()) {
            problem.accept("invalid id \"" + id + "\" (letters, digits, '.', '_' and '-', starting with a letter or digit)");
        }
        return id;
    }

    Requirements requirements(List<String> guideDefaults, PlatformCatalog catalog) {
        List<String> os = list("os", OS, OS_ALIASES);
        List<String> arch = list("arch", ARCH, ARCH_ALIASES);
        List<String> platforms = new ArrayList<>();
        for (String p : split(attrs.get("platform"))) {
            if (catalog.contains(p)) platforms.add(p);
            else problem.accept("unknown platform \"" + p + "\" (" + Suggest.didYouMean(p, catalog.names())
                    + "known: " + String.join(", ", catalog.names()) + "; add it to content/platforms.yml)");
        }
        List<String> commands = new ArrayList<>();
        String minGo = null;
        for (String r : split(attrs.get("requires"))) {
            Matcher g = GO_REQ.matcher(r);
            if (g.matches()) {
                Matcher v = GO_VERSION.matcher(g.group(2));
                if (!g.group(1).equals(">=")) {
                    problem.accept("requires=" + r + ": only a lowest Go version is supported (write go>=1.22)");
                } else if (!v.matches()) {
                    problem.accept("requires=" + r + ": \"" + g.group(2) + "\" is not a Go version (write go>=1.22 or go>=1.22.3)");
                } else {
                    minGo = v.group(1);
                }
                commands.add("go");
            } else if (COMMAND.matcher(r).matches()) {
                commands.add(r);
            } else {
                problem.accept("requires=" + r + ": not a command name (a comma list of commands, and go>=1.N for a Go version)");
            }
        }
        if (!attrs.containsKey("os") && !attrs.containsKey("arch") && !attrs.containsKey("platform")) {
            platforms.addAll(guideDefaults);
        }
        return new Requirements(os, arch, platforms, commands.stream().distinct().toList(), minGo,
                attrs.containsKey("network"), attrs.containsKey("root"), attrs.containsKey("interop"));
    }

    private List<String> list(String key, List<String> allowed, Map<String, String> aliases) {
        List<String> out = new ArrayList<>();
        for (String v : split(attrs.get(key))) {
            if (allowed.contains(v)) {
                out.add(v);
            } else {
                String alias = aliases.get(v.toLowerCase(java.util.Locale.ROOT));
                String hint = alias != null ? "Go calls it " + alias + "; " : Suggest.didYouMean(v, allowed);
                problem.accept("unknown " + key + " \"" + v + "\" (" + hint + "allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return out;
    }

    static List<String> split(String v) {
        if (v == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    ExitExpectation exit() {
        String v = attrs.get("exit");
        if (v == null) return ExitExpectation.SUCCESS;
        if (v.equals("nonzero")) return ExitExpectation.NONZERO;
        try {
            int code = Integer.parseInt(v);
            if (code >= 0 && code <= 255) return ExitExpectation.of(code);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem.accept("invalid exit=" + v + " (a number from 0 to 255, or nonzero)");
        return ExitExpectation.SUCCESS;
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    Duration timeout() {
        String v = attrs.get("timeout");
        if (v == null) return DEFAULT_TIMEOUT;
        Matcher m = TIMEOUT.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (!d.isZero() && d.compareTo(Duration.ofHours(1)) <= 0) return d;
        }
        problem.accept("invalid timeout=" + v + " (a duration from 1ms to 1h, such as 500ms, 30s, 2m)");
        return DEFAULT_TIMEOUT;
    }

    String file() {
        String f = attrs.get("file");
        if (f == null) return null;
        Path p = Path.of(f).normalize();
        if (f.startsWith("/") || f.startsWith("~") || p.isAbsolute() || p.startsWith("..") || p.toString().isEmpty()) {
            problem.accept("file=" + f + " leaves the session directory (use a relative path inside it, such as hello/main.go)");
            return null;
        }
        // file=./x is relative to the current directory (where the steps before cd'ed), file=x to $HOME
        return (f.startsWith("./") ? "./" : "") + p.toString().replace('\\', '/');
    }

    /** {@code hl=3-5,8}: the lines to highlight, checked against the block's {@code lineCount}. */
    List<Integer> highlight(int lineCount) {
        String v = attrs.get("hl");
        if (v == null) return List.of();
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (String part : v.split(",")) {
            Matcher m = HL.matcher(part.strip());
            if (!m.matches()) {
                problem.accept("invalid hl=" + v + " (line numbers of the block and ranges, such as hl=3-5,8)");
                return List.of();
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from < 1 || to < from || to > lineCount) {
                problem.accept("hl=" + v + ": \"" + part.strip() + "\" is not within the block's " + lineCount
                        + (lineCount == 1 ? " line" : " lines") + " (count from 1, ranges low-high)");
                return List.of();
            }
            for (int i = from; i <= to; i++) out.add(i);
        }
        return List.copyOf(out);
    }

    private static final Pattern HL = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");

    String session() {
        String s = attrs.getOrDefault("session", "main");
        if (!ID.matcher(s).matches()) problem.accept("invalid session=" + s + " (letters, digits, '.', '_' and '-')");
        return s;
    }

    /** The shell the block names with {@code shell=}, or null for the host's default. */
    String shell() {
        String v = attrs.get("shell");
        if (v == null) return null;
        if (StepOptions.SHELLS.contains(v)) return v;
        problem.accept("invalid shell=" + v + " (" + Suggest.didYouMean(v, StepOptions.SHELLS) + "allowed: "
                + String.join(", ", StepOptions.SHELLS) + ")");
        return null;
    }

    /** The ids named by {@code after=}; whether they exist is checked once the whole guide is read. */
    List<String> after() {
        List<String> ids = split(attrs.get("after"));
        for (String id : ids) {
            if (!ID.matcher(id).matches()) problem.accept("invalid after=" + id + " (ids of earlier steps, comma separated)");
        }
        return ids.stream().filter(id -> ID.matcher(id).matches()).distinct().toList();
    }

    String skipReason() {
        return attrs.get("skip");
    }

    /** The match mode of an output block or console transcript, with regexes checked. */
    static MatchMode matchMode(Map<String, String> attrs, Consumer<String> problem) {
        String v = attrs.get("match");
        if (v == null) return MatchMode.EXACT;
        for (MatchMode m : MatchMode.values()) if (m.attributeValue().equals(v)) return m;
        problem.accept("invalid match=" + v + " (exact, contains or regex)");
        return MatchMode.EXACT;
    }

    static void checkRegex(ExpectedOutput out, Consumer<String> problem) {
        if (out.mode() != MatchMode.REGEX) return;
        try {
            Pattern.compile(out.text(), Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            problem.accept("invalid regex in expected output: " + e.getDescription() + " near index " + e.getIndex()
                    + " (a Java regular expression)");
        }
    }

    /** {@code sha256:…} over what the runner executes and compares, and nothing else. */
    static String hash(String lang, String code, ExitExpectation exit, ExpectedOutput expected, List<TranscriptStep> steps,
                       String file, boolean run) {
        return hash(lang, code, exit, expected, steps, file, run, null);
    }

    /** As above; a shell named with {@code shell=} is part of what runs (without one the hash is unchanged). */
    static String hash(String lang, String code, ExitExpectation exit, ExpectedOutput expected, List<TranscriptStep> steps,
                       String file, boolean run, String shell) {
        StringBuilder b = new StringBuilder().append("v1\0").append(lang).append('\0').append(code).append('\0')
                .append(exit).append('\0').append(file == null ? "" : file).append('\0').append(run).append('\0');
        if (shell != null) b.append("shell=").append(shell).append('\0');
        if (expected != null) b.append(expected.mode()).append('\0').append(expected.text());
        for (TranscriptStep s : steps) b.append('\0').append(s.expected().mode());
        return "sha256:" + HEX.formatHex(sha256().digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static final HexFormat HEX = HexFormat.of();
    /** Copied for each hash: a copy costs less than a look-up among the security providers. */
    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException never) {
                throw new IllegalStateException(never);
            }
        }
    }
}
