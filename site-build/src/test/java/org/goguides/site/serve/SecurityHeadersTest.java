package org.goguides.site.serve;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve} sends the headers netlify.toml gives the published site, from that one file (issue 13.6). */
class SecurityHeadersTest {
    @Test
    void theJarCarriesTheRepositorysNetlifyHeaders() throws Exception {
        Map<String, String> fromRepo = SecurityHeaders.parse(Files.readString(Path.of("../netlify.toml"), StandardCharsets.UTF_8));
        assertEquals(fromRepo, SecurityHeaders.forEveryPage(), "the packed netlify.toml is the repository's");
        String csp = fromRepo.get("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), String.valueOf(csp));
        assertEquals("nosniff", fromRepo.get("X-Content-Type-Options"));
        assertTrue(fromRepo.containsKey("X-Frame-Options") && fromRepo.containsKey("Referrer-Policy"), fromRepo.toString());
        // only the "/*" table: cache rules of other paths are not security headers of every page
        assertFalse(fromRepo.containsKey("Cache-Control"), fromRepo.toString());
    }

    @Test
    void parsesOnlyTheTableForEveryPage() {
        String toml = "[[headers]]\n  for = \"/assets/*\"\n  [headers.values]\n    A = \"no\"\n"
                + "[[headers]]\n  for = \"/*\"\n  [headers.values]\n    X-One = \"a \\\"b\\\"\"  # comment\n    X-Two = \"c\"\n"
                + "[[redirects]]\n  from = \"/\"\n";
        assertEquals(Map.of("X-One", "a \"b\"", "X-Two", "c"), SecurityHeaders.parse(toml));
    }

    @Test
    void servePagesWithThePolicyAndALiveReloadScriptItAllows(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<!doctype html><html><body><p>x</p></body></html>", StandardCharsets.UTF_8);
        DevServer server = new DevServer(site, "127.0.0.1", 0, () -> { }, List.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int port = server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            Map<String, String> expected = SecurityHeaders.forEveryPage();
            for (String path : List.of("/", "/missing.html", "/__goguides/reload.js")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                expected.forEach((k, v) -> assertEquals(v, r.headers().firstValue(k).orElse(null), path + " " + k));
                if (path.equals("/")) {
                    assertTrue(r.body().contains("<script src=\"/__goguides/reload.js\"></script></body>"), r.body());
                    assertFalse(r.body().contains("<script>"), "no inline script, which the policy would block");
                }
                if (path.endsWith(".js")) assertTrue(r.body().contains("EventSource('/__goguides/events')"), r.body());
            }
        } finally {
            server.stop();
        }
    }
}
