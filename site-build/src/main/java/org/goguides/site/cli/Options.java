package org.goguides.site.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.goguides.checks.cli.CheckOptions;
import org.goguides.checks.cli.OptionArg;

/**
 * The command line: a verb and its options (checks/DESIGN.md §5). Parsing collects every mistake and
 * says what is allowed; it never throws.
 */
final class Options {
    static final List<String> VERBS = List.of("check", "build", "serve", "lint", "compare", "help");
    /** The options that take a value. */
    private static final Set<String> VALUED = Set.of("--content", "--templates", "--results", "--out", "--guide", "--port", "--host", "--go",
            "--changed-since", "--max-age", "--base-url", "--repeat", "--format", "--published", "--preview-url", "--save-published");

    String verb;
    Path content = Path.of("content");
    Path templates = Path.of("templates");
    final List<Path> results = new ArrayList<>();
    Path out = Path.of("site-build", "target", "site");
    final Set<String> guides = new LinkedHashSet<>();
    boolean offline;
    boolean noSandbox;
    boolean disposableHost;
    boolean update;
    boolean noCache;
    java.time.Duration maxAge = org.goguides.site.view.ResultIndex.DEFAULT_MAX_AGE;
    final List<String> goVersions = new ArrayList<>();
    String changedSince;
    /** build, serve: the published site URL; else Netlify's URL / DEPLOY_PRIME_URL, else site.yml's baseUrl. */
    String baseUrl = "";
    /** {@code --format}: auto, text, github or jsonl (see {@link org.goguides.checks.report.OutputFormat}). */
    String format = "auto";
    boolean requireSandbox;
    /** compare: the published results (a URL or a file); the preview's URL to name. */
    String published;
    String previewUrl;
    Path savePublished;
    int repeat = 1;
    int port = 8080;
    String host = "127.0.0.1";
    final List<String> errors = new ArrayList<>();

    /** The options of {@code check}, which runs as the command of {@code checks} ({@link CheckOptions}). */
    CheckOptions check() {
        CheckOptions c = new CheckOptions();
        c.content = content;
        c.results.addAll(results);
        c.guides.addAll(guides);
        c.offline = offline;
        c.noSandbox = noSandbox;
        c.disposableHost = disposableHost;
        c.update = update;
        c.noCache = noCache;
        c.requireSandbox = requireSandbox;
        c.goVersions.addAll(goVersions);
        c.changedSince = changedSince;
        c.format = format;
        c.repeat = repeat;
        return c;
    }

    /** The results {@code build} reads: every {@code --results}, else {@code target/results}. */
    List<Path> resultsIn() {
        return results.isEmpty() ? List.of(Path.of("target", "results")) : results;
    }

    static Options parse(String[] args) {
        Options o = new Options();
        int i = 0;
        if (args.length == 0) {
            o.verb = "help";
            return o;
        }
        o.verb = args[i++];
        if (o.verb.equals("--help") || o.verb.equals("-h")) o.verb = "help";
        if (!VERBS.contains(o.verb)) o.errors.add("unknown command \"" + o.verb + "\" (commands: check, build, serve, lint, compare)");
        List<String> unfinished = new ArrayList<>();
        for (OptionArg arg : OptionArg.read(args, i, VALUED, unfinished)) {
            String a = arg.name();
            switch (a) {
                case "--offline" -> o.offline = true;
                case "--no-sandbox" -> o.noSandbox = true;
                case "--disposable-host" -> o.disposableHost = true;
                case "--update" -> o.update = true;
                case "--no-cache" -> o.noCache = true;
                case "--require-sandbox" -> o.requireSandbox = true;
                case "--help", "-h" -> o.verb = "help";
                default -> {
                    if (VALUED.contains(a)) o.set(a, arg.value());
                    else o.errors.add("unknown option \"" + a + "\" (options: --content DIR, --templates DIR, --results DIR, "
                            + "--out DIR, --guide SLUG, --offline, --no-sandbox, --disposable-host, --update, --no-cache, --go LIST, --changed-since REF, --repeat N, --max-age DAYS, --base-url URL, --port N, "
                            + "--format FORMAT, --require-sandbox, --published URL, --preview-url URL, --save-published DIR)");
                }
            }
        }
        o.errors.addAll(unfinished);
        o.errors.addAll(o.check().conflicts());
        return o;
    }

    private void set(String option, String value) {
        switch (option) {
            case "--content" -> content = Path.of(value);
            case "--templates" -> templates = Path.of(value);
            case "--results" -> results.add(Path.of(value));
            case "--out" -> out = Path.of(value);
            case "--guide" -> guides.add(value);
            case "--host" -> host = value;
            case "--changed-since" -> changedSince = value;
            case "--base-url" -> {
                if (org.goguides.site.render.SiteUrl.valid(value)) baseUrl = value;
                else errors.add("--base-url " + value + ": not a site URL (https://example.org or https://example.org/docs)");
            }
            case "--published" -> published = value;
            case "--preview-url" -> previewUrl = value;
            case "--save-published" -> savePublished = Path.of(value);
            case "--format" -> {
                if (CheckOptions.format(value, errors)) format = value;
            }
            case "--max-age" -> {
                try {
                    int days = Integer.parseInt(value);
                    if (days < 1) throw new NumberFormatException();
                    maxAge = java.time.Duration.ofDays(days);
                } catch (NumberFormatException e) {
                    errors.add("--max-age " + value + ": not a number of days (1 or more)");
                }
            }
            case "--repeat" -> repeat = CheckOptions.repeat(value, repeat, errors);
            case "--go" -> CheckOptions.goVersions(value, goVersions, errors);
            case "--port" -> {
                try {
                    port = Integer.parseInt(value);
                    if (port < 0 || port > 65535) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    errors.add("--port " + value + ": not a port number (0 to 65535; 0 picks a free one)");
                }
            }
            default -> throw new IllegalArgumentException(option);
        }
    }

    static final String USAGE = """
            usage: java -jar site-build.jar COMMAND [options]

            commands:
              check   run the guides' snippets on this host and write a results file
              build   render the site from content, templates and results
              serve   build, serve on localhost and rebuild when a file changes
              lint    report authoring errors as FILE:LINE: message
              compare compare the results (--results) with the published ones (--published URL
                      or FILE) and say which steps turn red, are newly verified or wait for a host

            options:
              --content DIR     guides and settings (default: content)
              --templates DIR   templates and static files (default: templates)
              --results DIR     results folder; check writes to the first, build reads all
                                (repeatable; default: target/results)
              --out DIR         site output folder (default: site-build/target/site)
              --guide SLUG      only this guide (repeatable)
              --offline         skip snippets that need the network
              --no-sandbox      run snippets without the sandbox (recorded as isolation none;
                                `root` snippets are then skipped)
              --disposable-host check: this machine is thrown away after the run (a CI virtual
                                machine): `root` steps run for real, without a root layer
                                (recorded as isolation disposable; also GOGUIDES_DISPOSABLE_HOST=1)
              --update          check: rewrite the expected output of steps that failed only on
                                output, in place in the Markdown, and print the diff
              --go LIST         check: run again under each Go toolchain (go1.22.12,go1.25.3,local),
                                fetched through the module proxy; one results file per toolchain
              --changed-since REF
                                check: only the guides whose files changed since the git REF
              --repeat N        check: run the guides N times, each in fresh sessions, and report
                                every step whose status or output differed between runs
              --no-cache        check: run every guide, also those unchanged since the last run
                                on this host (whose results are otherwise reused)
              --max-age DAYS    build: mark results older than this as old (default: 30)
              --base-url URL    build: the published URL for sitemap, robots.txt, canonical and
                                social links (default: Netlify's URL or DEPLOY_PRIME_URL, else
                                baseUrl in site.yml)
              --format FORMAT   check, lint: also report as `github` (annotations and a job
                                summary), or `jsonl` (JSON lines on stdout, text on stderr);
                                `auto` (default) is github under GitHub Actions, else text
              --require-sandbox check: stop with an error when the sandbox does not work here
              --published URL   compare: the published results (a URL or a file; default:
                                results/all.json under site.yml's baseUrl); --save-published DIR
                                keeps them as DIR/all.json; --preview-url URL names the preview
              --port N          port for serve (default: 8080; 0 picks a free one)

            exit codes: check 1 if a snippet failed or errored; 2 on authoring errors or bad usage.
            """;
}
