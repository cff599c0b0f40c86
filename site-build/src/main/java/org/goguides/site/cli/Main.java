package org.goguides.site.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.goguides.checks.cli.CheckCommand;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.TranslationDrift;
import org.goguides.checks.report.CheckEvents;
import org.goguides.checks.report.OutputFormat;
import org.goguides.checks.report.TerminalText;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;
import org.goguides.checks.results.TimeoutMargin;
import org.goguides.site.SiteBuilder;
import org.goguides.site.view.BuildException;
import org.goguides.site.serve.DevServer;

/**
 * The command line: {@code check}, {@code build}, {@code serve}, {@code lint} and {@code compare} (checks/DESIGN.md §5).
 * Output is UTF-8 whatever the platform's default; errors are one line each, never a stack trace.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    /** Where machine-readable events go ({@code --format}); the plain lines go to {@code out}. */
    private final PrintStream events;

    Main(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, out);
    }

    private Main(PrintStream out, PrintStream err, Map<String, String> env, PrintStream events) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.events = events;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new Main(out, err).run(args);
        if (code != Integer.MIN_VALUE) System.exit(code);
    }

    /** Runs one command and returns its exit code ({@code MIN_VALUE}: keep running, as serve does). */
    int run(String[] args) {
        Options o = Options.parse(args);
        if (!o.errors.isEmpty()) {
            o.errors.forEach(e -> err.println("error: " + e));
            err.println("run with --help for usage");
            return USAGE;
        }
        OutputFormat format = OutputFormat.resolve(o.format, env).orElseThrow();
        // JSON lines own stdout: the plain lines move to stderr
        if (format == OutputFormat.JSONL && events == out) return new Main(err, err, env, out).run(args);
        try {
            return switch (o.verb) {
                case "lint" -> lint(o);
                case "check" -> check(o);
                case "build" -> build(o);
                case "serve" -> serve(o);
                case "compare" -> new CompareCommand(out, err, env).run(o);
                default -> {
                    out.print(Options.USAGE);
                    yield OK;
                }
            };
        } catch (BuildException e) {
            err.println(TerminalText.visible(e.getMessage()));
            return USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private static Content load(Path content, java.util.Collection<String> guides) {
        // the guide parser reads inlines too: lint reports what build would (unsafe links too)
        return new ContentLoader(content, Path.of("")).withDependencies().load(guides);
    }

    /** The machine-readable reporter {@code --format} asks for. */
    private CheckEvents events(Options o) {
        return CheckEvents.of(OutputFormat.resolve(o.format, env).orElseThrow(), events, env);
    }

    /** Prints the problems and returns true if there were any. */
    private boolean report(List<Problem> problems) {
        problems.forEach(p -> err.println(TerminalText.visible(p.toString())));
        if (!problems.isEmpty()) err.println(problems.size() + (problems.size() == 1 ? " authoring error" : " authoring errors"));
        return !problems.isEmpty();
    }

    int lint(Options o) throws IOException {
        Content c = load(o.content, o.guides);
        List<Problem> all = new java.util.ArrayList<>(c.problems());
        List<Problem> drift = TranslationDrift.find(c);
        all.addAll(drift);
        java.util.Collections.sort(all);
        CheckEvents ev = events(o);
        ev.authoringErrors(c.problems().stream().sorted().toList());
        ev.drift(drift.stream().sorted().toList());
        List<Problem> warnings = all.isEmpty() ? org.goguides.checks.parse.LintWarnings.find(c) : List.of();
        warnings.forEach(w -> ev.warning(w.pos(), "lint warning", w.message()));
        List<TimeoutMargin.SlowStep> slow = all.isEmpty() ? slowStepsOfLastResults(c, o) : List.of();
        slow.forEach(s -> CheckCommand.slowStepEvent(ev, s));
        ev.finish();
        if (report(all)) return USAGE;
        warnings.forEach(w -> err.println(TerminalText.visible("warning: " + w)));
        long snippets = c.guides().stream().mapToLong(g -> g.executable().size()).sum();
        out.println("ok: " + c.guides().size() + " guide files, " + snippets + " executable snippets");
        slow.forEach(s -> err.println(TerminalText.visible("warning: " + s.message())));
        return OK;
    }

    /**
     * The steps of the last results (each host's file in the {@code --results} folders, default
     * {@code target/results} when it exists) that used more than half of their timeout.
     */
    private List<TimeoutMargin.SlowStep> slowStepsOfLastResults(Content c, Options o) {
        List<TimeoutMargin.SlowStep> slow = new ArrayList<>();
        for (Path dir : o.resultsIn()) {
            if (!Files.isDirectory(dir)) continue;
            List<Path> files;
            try (var s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                err.println("warning: " + dir + ": cannot list the results (" + e.getMessage() + ")");
                continue;
            }
            for (Path f : files) {
                try {
                    HostRun run = ResultStore.read(f);
                    if (run.host() != null && run.snippets() != null) slow.addAll(TimeoutMargin.find(c, run.snippets(), run.host().key()));
                } catch (IOException | RuntimeException e) {
                    // not a host's results file (a merged all.json, say): nothing to report from it
                }
            }
        }
        return slow;
    }

    /** {@code check} is the command of {@code checks} ({@link CheckCommand}). */
    int check(Options o) throws IOException {
        return new CheckCommand(out, err, env, events).run(o.check());
    }

    int build(Options o) throws IOException {
        return build(o, new SiteBuilder());
    }

    private int build(Options o, SiteBuilder builder) throws IOException {
        long start = System.nanoTime();
        SiteBuilder.Report r = builder.build(new SiteBuilder.Options(o.content, o.templates, o.resultsIn(), o.out,
                o.guides, Path.of(""), o.maxAge, org.goguides.site.render.SiteUrl.resolve(o.baseUrl, System.getenv())));
        if (report(r.problems())) return USAGE;
        r.warnings().forEach(w -> err.println(TerminalText.visible("warning: " + w)));
        out.printf("built %d pages into %s in %d ms%n", r.pages(), o.out, (System.nanoTime() - start) / 1_000_000);
        return OK;
    }

    /** What serve watches: content, templates and the results (a check in another terminal updates the badges). */
    static List<Path> watched(Options o) throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(o.content, o.templates));
        for (Path r : o.resultsIn()) {
            if (Files.isRegularFile(r)) dirs.add(r.toAbsolutePath().getParent());
            else dirs.add(Files.createDirectories(r)); // watched before the first check writes into it
        }
        return dirs;
    }

    int serve(Options o) throws IOException {
        SiteBuilder builder = SiteBuilder.forRebuilds();
        int first = build(o, builder);
        if (first == USAGE) err.println("fix the errors above; the server rebuilds when a file changes");
        DevServer server = new DevServer(o.out, o.host, o.port, () -> {
            try {
                build(o, builder);
            } catch (IOException | BuildException e) {
                err.println(TerminalText.visible(e.getMessage()));
            }
        }, watched(o), out);
        server.start();
        return Integer.MIN_VALUE;
    }
}
