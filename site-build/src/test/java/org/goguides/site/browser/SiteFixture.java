package org.goguides.site.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.site.SiteBuilder;

/**
 * The test-only site the browser tests use: fixture guides and fixture results (several hosts, a
 * failed, a stale and an unverified step, macOS- and WSL-only steps) built into
 * {@code target/browser-fixture/site} and served on 127.0.0.1 with the headers of netlify.toml.
 * Fixture results go only to {@code target/browser-fixture/results}, never to the published site.
 */
final class SiteFixture {
    static final Path ROOT = findRoot();
    static final Path WORK = ROOT.resolve("site-build/target/browser-fixture");
    static final Path SITE = WORK.resolve("site");
    private static SiteFixture instance;

    final HttpServer server;
    final String base;
    final String csp;

    private SiteFixture() throws IOException {
        Path resources = resources();
        Path content = resources.resolve("content");
        Path results = WORK.resolve("results");
        Files.createDirectories(results);
        Content c = new ContentLoader(content, ROOT).load(Set.of());
        if (!c.problems().isEmpty()) throw new IllegalStateException("fixture content: " + c.problems());
        try (Stream<Path> s = Files.list(resources.resolve("results"))) {
            for (Path p : s.toList()) Files.writeString(results.resolve(p.getFileName()), withHashes(Files.readString(p, StandardCharsets.UTF_8), c),
                    StandardCharsets.UTF_8);
        }
        // fixture results stay "recent" whatever the date the tests run on
        java.time.Duration maxAge = java.time.Duration.between(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.Instant.now());
        SiteBuilder.Report r = new SiteBuilder().build(new SiteBuilder.Options(content, ROOT.resolve("templates"), List.of(results), SITE,
                Set.of(), ROOT, maxAge));
        if (!r.ok()) throw new IllegalStateException("fixture build: " + r.problems());
        csp = netlifyCsp();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static synchronized SiteFixture get() {
        if (instance == null) {
            try {
                instance = new SiteFixture();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.server.stop(0)));
        }
        return instance;
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("templates")) && Files.isRegularFile(p.resolve("netlify.toml")))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root (templates/ and netlify.toml)");
        return p;
    }

    static Path resources() {
        try {
            return Path.of(SiteFixture.class.getResource("/browser/content/site.yml").toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces {@code "@current"} hashes with the hash of the fixture snippet as it is now. */
    private static String withHashes(String json, Content c) {
        Pattern entry = Pattern.compile("\"guide\"\\s*:\\s*\"([^\"]+)\",[^{}]*?\"id\"\\s*:\\s*\"([^\"]+)\"[^{}]*?\"hash\"\\s*:\\s*\"@current\"");
        Matcher m = entry.matcher(json);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Snippet s = c.guides().stream().filter(g -> g.slug().equals(m.group(1))).map(Guide::snippets).flatMap(List::stream)
                    .filter(x -> x.id().equals(m.group(2))).findFirst().orElseThrow(() -> new IllegalStateException("no snippet " + m.group(1) + "/" + m.group(2)));
            m.appendReplacement(b, Matcher.quoteReplacement(m.group().replace("@current", s.hash())));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** The Content-Security-Policy of netlify.toml, so the tests run under the policy readers get. */
    static String netlifyCsp() throws IOException {
        Matcher m = Pattern.compile("Content-Security-Policy\\s*=\\s*\"([^\"]+)\"").matcher(Files.readString(ROOT.resolve("netlify.toml"), StandardCharsets.UTF_8));
        if (!m.find()) throw new IllegalStateException("netlify.toml has no Content-Security-Policy");
        return m.group(1);
    }

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "json", "application/json; charset=utf-8", "svg", "image/svg+xml",
            "xml", "application/xml; charset=utf-8", "txt", "text/plain; charset=utf-8");

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = java.net.URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path file = SITE.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            int status = 200;
            if (!file.startsWith(SITE) || !Files.isRegularFile(file)) {
                status = 404;
                String lang = path.startsWith("/en/") ? "en/" : path.startsWith("/zh/") ? "zh/" : "";
                file = SITE.resolve(lang + "404.html");
            }
            String name = file.getFileName().toString();
            ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            ex.getResponseHeaders().set("Content-Security-Policy", csp);
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            byte[] body = Files.readAllBytes(file);
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }
}
