package org.goguides.site.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.goguides.checks.engine.Constants;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.site.SiteBuilder;
import org.goguides.site.render.BuildException;
import org.goguides.site.serve.DevServer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

/**
 * The command line: {@code check}, {@code build}, {@code serve} and {@code lint} (contract §7).
 * Output is UTF-8 whatever the platform's default; errors are one line each, never a stack trace.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
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
        try {
            return switch (o.verb) {
                case "lint" -> lint(o);
                case "check" -> check(o);
                case "build" -> build(o);
                case "serve" -> serve(o);
                default -> {
                    out.print(Options.USAGE);
                    yield OK;
                }
            };
        } catch (BuildException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private Content load(Options o) {
        return new ContentLoader(o.content, Path.of("")).load(o.guides);
    }

    /** Prints the problems and returns true if there were any. */
    private boolean report(List<Problem> problems) {
        problems.forEach(p -> err.println(p));
        if (!problems.isEmpty()) err.println(problems.size() + (problems.size() == 1 ? " authoring error" : " authoring errors"));
        return !problems.isEmpty();
    }

    int lint(Options o) {
        Content c = load(o);
        if (report(c.problems())) return USAGE;
        long snippets = c.guides().stream().mapToLong(g -> g.executable().size()).sum();
        out.println("ok: " + c.guides().size() + " guide files, " + snippets + " executable snippets");
        return OK;
    }

    int check(Options o) {
        Content c = load(o);
        if (report(c.problems())) return USAGE;
        LauncherDiscoveryRequestBuilder req = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(o.content.toFile()))
                .filters(includeEngines(Constants.ENGINE_ID))
                .configurationParameter(Constants.RESULTS_DIR, o.resultsOut().toAbsolutePath().toString())
                .configurationParameter(Constants.DISPLAY_BASE, Path.of("").toAbsolutePath().toString())
                .configurationParameter(Constants.OFFLINE, Boolean.toString(o.offline));
        if (o.noSandbox) req.configurationParameter(Constants.SANDBOX, "none");
        if (!o.guides.isEmpty()) req.configurationParameter(Constants.GUIDES, String.join(",", o.guides));
        LauncherDiscoveryRequest request = req.build();
        ConsoleReporter reporter = new ConsoleReporter(out);
        HostBanner banner = new HostBanner(out);
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request, banner, reporter);
        }
        out.println(reporter.summary());
        out.println("results: " + o.resultsOut().resolve(banner.hostKey() + ".json"));
        return reporter.failed.get() + reporter.errors.get() > 0 ? FAILED : OK;
    }

    int build(Options o) throws IOException {
        long start = System.nanoTime();
        SiteBuilder.Report r = new SiteBuilder().build(new SiteBuilder.Options(o.content, o.templates, o.resultsIn(), o.out,
                o.guides, Path.of("")));
        if (report(r.problems())) return USAGE;
        r.warnings().forEach(w -> err.println("warning: " + w));
        out.printf("built %d pages into %s in %d ms%n", r.pages(), o.out, (System.nanoTime() - start) / 1_000_000);
        return OK;
    }

    int serve(Options o) throws IOException {
        int first = build(o);
        if (first == USAGE) err.println("fix the errors above; the server rebuilds when a file changes");
        DevServer server = new DevServer(o.out, o.host, o.port, () -> {
            try {
                build(o);
            } catch (IOException | BuildException e) {
                err.println(e.getMessage());
            }
        }, List.of(o.content, o.templates), out);
        server.start();
        return Integer.MIN_VALUE;
    }
}
