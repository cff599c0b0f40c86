package org.goguides.site.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.report.ComparisonSummary;
import org.goguides.checks.report.ResultsComparison;
import org.goguides.checks.report.TerminalText;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.ResultStore;

/**
 * {@code compare}: this run's results ({@code --results}) against the published ones
 * ({@code --published}: a URL or a file; by default {@code results/all.json} under site.yml's
 * {@code baseUrl}), written as Markdown to stdout and, under GitHub Actions, appended to the job
 * summary. {@code --save-published DIR} keeps what was fetched as {@code DIR/all.json} for
 * {@code build}. Needs no secret or repository variable, so it works for pull requests from forks;
 * when the published results cannot be read it says so and goes on.
 */
final class CompareCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    CompareCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(Options o) throws IOException {
        Content content = new ContentLoader(o.content, Path.of("")).load(o.guides);
        if (!content.problems().isEmpty()) {
            content.problems().forEach(p -> err.println(TerminalText.visible(p.toString())));
            return Main.USAGE;
        }
        List<Problem> problems = new ArrayList<>();
        List<HostRun> current = ResultStore.loadAll(o.resultsIn(), problems);
        problems.forEach(p -> err.println(TerminalText.visible("warning: " + p)));
        String base = o.baseUrl != null && !o.baseUrl.isBlank() ? o.baseUrl.strip()
                : content.site().baseUrl() == null ? "" : content.site().baseUrl().strip();
        String where = o.published != null ? o.published : base.isEmpty() ? null : base.replaceAll("/+$", "") + "/results/all.json";
        List<HostRun> published = List.of();
        String unavailable = null;
        if (where == null) {
            unavailable = "no --published URL or file was given and site.yml has no baseUrl";
        } else {
            try {
                published = readPublished(where);
                if (o.savePublished != null) ResultStore.writeMerged(o.savePublished.resolve("all.json"), published);
            } catch (IOException e) {
                unavailable = e.getMessage();
            }
        }
        String md = ComparisonSummary.render(ResultsComparison.of(content, published, current), where, unavailable, o.previewUrl, env);
        out.print(md);
        String summary = env.get("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            Files.writeString(Path.of(summary), md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (unavailable != null) err.println(TerminalText.visible("warning: published results not compared: " + unavailable));
        return Main.OK;
    }

    /** The runs of a published {@code all.json}, from a URL or a file; an IOException says why not. */
    static List<HostRun> readPublished(String where) throws IOException {
        Path file;
        boolean temp = false;
        if (where.startsWith("http://") || where.startsWith("https://")) {
            file = Files.createTempFile("published-", ".json");
            temp = true;
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
                HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(where)).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofFile(file));
                if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } catch (IllegalArgumentException e) {
                throw new IOException("not a URL (" + e.getMessage() + ")");
            } catch (IOException e) {
                Files.deleteIfExists(file);
                String m = e.getMessage();
                throw new IOException(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
            }
        } else {
            file = Path.of(where);
            if (!Files.isRegularFile(file)) throw new IOException(where + " does not exist");
        }
        try {
            List<Problem> problems = new ArrayList<>();
            List<HostRun> runs = ResultStore.loadAll(List.of(file), problems);
            if (!problems.isEmpty()) throw new IOException(problems.get(0).message());
            return runs;
        } finally {
            if (temp) Files.deleteIfExists(file);
        }
    }
}
