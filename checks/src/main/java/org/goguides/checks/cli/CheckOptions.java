package org.goguides.checks.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.goguides.checks.report.OutputFormat;

/**
 * The options of {@code check}: which guides, where the results go, how snippets run. The command
 * line of {@code checks} ({@link Main}) parses them with {@link #parse}; the site's command line
 * parses its own and hands the same values over, and both validate values with the methods here, so
 * a flag means the same thing and is refused with the same message on either.
 */
public final class CheckOptions {
    /** The folder with {@code guides/} (default {@code content}). */
    public Path content = Path.of("content");
    /** {@code --results}: check writes to the first (default {@code target/results}). */
    public final List<Path> results = new ArrayList<>();
    /** {@code --guide}: only these guides (all when empty). */
    public final Set<String> guides = new LinkedHashSet<>();
    public boolean offline;
    public boolean noSandbox;
    public boolean disposableHost;
    public boolean update;
    public boolean noCache;
    public boolean requireSandbox;
    /** {@code --go}: toolchains to run under, {@code local} for the one on PATH (empty: the one on PATH). */
    public final List<String> goVersions = new ArrayList<>();
    /** {@code --changed-since}: a git revision, or null. */
    public String changedSince;
    /** {@code --format}: auto, text, github or jsonl (see {@link OutputFormat}). */
    public String format = "auto";
    /** {@code --repeat}: how many runs to compare (1: an ordinary check). */
    public int repeat = 1;

    /** The results folder {@code check} writes to: the first {@code --results}, else {@code target/results}. */
    public Path resultsOut() {
        return results.isEmpty() ? Path.of("target", "results") : results.get(0);
    }

    /** The results folders to read earlier results from: every {@code --results}, else {@code target/results}. */
    public List<Path> resultsIn() {
        return results.isEmpty() ? List.of(Path.of("target", "results")) : results;
    }

    /** Options that contradict each other, one message each (empty when they agree). */
    public List<String> conflicts() {
        List<String> errors = new ArrayList<>();
        if (requireSandbox && noSandbox) errors.add("--require-sandbox and --no-sandbox contradict each other (give one)");
        if (repeat > 1 && update) {
            errors.add("--repeat with --update: --update rewrites expected output from one run (run --repeat, then --update)");
        }
        if (repeat > 1 && !goVersions.isEmpty()) {
            errors.add("--repeat with --go: --repeat runs under the Go on PATH (repeat one toolchain at a time)");
        }
        return errors;
    }

    /** Adds the toolchains of a {@code --go} value (a comma list); a bad one becomes an error. */
    public static void goVersions(String value, List<String> into, List<String> errors) {
        for (String v : value.split(",")) {
            String t = v.strip();
            if (t.equals("local") || t.matches("go1\\.\\d+(\\.\\d+)?((rc|beta)\\d+)?")) into.add(t);
            else errors.add("--go " + t + ": not a Go version (a comma list such as go1.22.12,go1.25.3,local)");
        }
    }

    /** The number of runs a {@code --repeat} value gives ({@code current} if it is no number); out of 1 to 1000 it is an error. */
    public static int repeat(String value, int current, List<String> errors) {
        int n = current;
        try {
            n = Integer.parseInt(value);
            if (n < 1 || n > 1000) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            errors.add("--repeat " + value + ": not a number of runs (1 to 1000)");
        }
        return n;
    }

    /** Whether a {@code --format} value names a format; if not, adds the error. */
    public static boolean format(String value, List<String> errors) {
        if (OutputFormat.resolve(value, Map.of()).isPresent()) return true;
        errors.add("--format " + value + ": unknown format (allowed: " + OutputFormat.ALLOWED + ")");
        return false;
    }

    /** Parsed arguments: the options, every mistake found, and whether help was asked for. */
    public record Parsed(CheckOptions options, List<String> errors, boolean help) {
    }

    /** The options of {@code check} that take a value. */
    static final Set<String> VALUED = Set.of("--content", "--results", "--guide", "--go", "--changed-since", "--repeat", "--format");

    /**
     * Parses {@code [check] [options]}. Collects every mistake and says what is allowed; never throws.
     */
    public static Parsed parse(String... args) {
        CheckOptions o = new CheckOptions();
        List<String> errors = new ArrayList<>();
        boolean help = false;
        int from = args.length > 0 && args[0].equals("check") ? 1 : 0;
        List<String> unfinished = new ArrayList<>();
        for (OptionArg arg : OptionArg.read(args, from, VALUED, unfinished)) {
            String a = arg.name();
            switch (a) {
                case "--offline" -> o.offline = true;
                case "--no-sandbox" -> o.noSandbox = true;
                case "--disposable-host" -> o.disposableHost = true;
                case "--update" -> o.update = true;
                case "--no-cache" -> o.noCache = true;
                case "--require-sandbox" -> o.requireSandbox = true;
                case "--help", "-h" -> help = true;
                case "--content", "--results", "--guide", "--go", "--changed-since", "--repeat", "--format" -> o.set(a, arg.value(), errors);
                default -> errors.add("unknown option \"" + a + "\" (options: --content DIR, --results DIR, --guide SLUG, --offline, "
                        + "--no-sandbox, --disposable-host, --update, --no-cache, --go LIST, --changed-since REF, --repeat N, "
                        + "--format FORMAT, --require-sandbox)");
            }
        }
        errors.addAll(unfinished);
        errors.addAll(o.conflicts());
        return new Parsed(o, errors, help);
    }

    private void set(String option, String value, List<String> errors) {
        switch (option) {
            case "--content" -> content = Path.of(value);
            case "--results" -> results.add(Path.of(value));
            case "--guide" -> guides.add(value);
            case "--changed-since" -> changedSince = value;
            case "--go" -> goVersions(value, goVersions, errors);
            case "--format" -> {
                if (format(value, errors)) format = value;
            }
            case "--repeat" -> repeat = repeat(value, repeat, errors);
            default -> throw new IllegalArgumentException(option);
        }
    }

    /** The usage text of {@link Main}. */
    public static final String USAGE = """
            usage: java -cp CLASSPATH org.goguides.checks.cli.Main [check] [options]

            Runs the guides' snippets on this host and writes a results file
            (target/results/<host>.json); the same command as `site-build.jar check`.

            options:
              --content DIR     the folder with guides/<slug>/index.<lang>.md (default: content)
              --results DIR     results folder to write to (default: target/results)
              --guide SLUG      only this guide (repeatable)
              --offline         skip snippets that need the network
              --no-sandbox      run snippets without the sandbox (recorded as isolation none;
                                `root` snippets are then skipped)
              --disposable-host this machine is thrown away after the run (a CI virtual
                                machine): `root` steps run for real, without a root layer
                                (recorded as isolation disposable; also GOGUIDES_DISPOSABLE_HOST=1)
              --update          rewrite the expected output of steps that failed only on
                                output, in place in the Markdown, and print the diff
              --go LIST         run again under each Go toolchain (go1.22.12,go1.25.3,local),
                                fetched through the module proxy; one results file per toolchain
              --changed-since REF
                                only the guides whose files changed since the git REF
              --repeat N        run the guides N times, each in fresh sessions, and report
                                every step whose status or output differed between runs
              --no-cache        run every guide, also those unchanged since the last run
                                on this host (whose results are otherwise reused)
              --format FORMAT   also report as `github` (annotations and a job summary), or
                                `jsonl` (JSON lines on stdout, text on stderr); `auto`
                                (default) is github under GitHub Actions, else text
              --require-sandbox stop with an error when the sandbox does not work here

            exit codes: 1 if a snippet failed or errored; 2 on authoring errors or bad usage.
            """;
}
