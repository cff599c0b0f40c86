package org.goguides.site.browser;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every browser test shares: one Playwright and one Chromium per JVM ({@link #executable}), the fixture site,
 * and per test a fresh context that fails the test on a console error, an uncaught exception or
 * any request that leaves 127.0.0.1.
 */
abstract class BrowserSupport {
    private static Playwright playwright;
    private static Browser browser;

    protected SiteFixture site;
    protected BrowserContext context;
    protected final List<String> consoleErrors = new ArrayList<>();
    protected final List<String> external = new ArrayList<>();
    /** Console errors a test expects (e.g. the 404 status of a missing page), matched by substring. */
    protected final List<String> allowedErrors = new ArrayList<>();

    /**
     * The Chromium-family browser to drive: the system property {@code goguides.browser}, else the
     * environment variable {@code GOGUIDES_BROWSER}, else Debian's {@code /usr/bin/chromium}. (On Ubuntu
     * that path is a snap shim; CI points at the runner image's Chrome instead.)
     */
    static Path executable() {
        String p = System.getProperty("goguides.browser", "");
        if (p.isBlank()) p = System.getenv().getOrDefault("GOGUIDES_BROWSER", "");
        return Path.of(p.isBlank() ? "/usr/bin/chromium" : p);
    }

    static synchronized Browser browser() {
        if (browser == null) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    browser.close();
                    playwright.close();
                } catch (RuntimeException e) {
                    // the JVM is going away anyway
                }
            }));
        }
        return browser;
    }

    @BeforeEach
    void openContext() {
        site = SiteFixture.get();
        context = newContext(new Browser.NewContextOptions());
    }

    /** A context that records console errors and blocks (and records) requests to other hosts. */
    protected BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext c = browser().newContext(options);
        c.route("**/*", route -> {
            String host = URI.create(route.request().url()).getHost();
            if ("127.0.0.1".equals(host)) route.resume();
            else {
                external.add(route.request().url());
                route.abort();
            }
        });
        c.onPage(this::watch);
        return c;
    }

    private void watch(Page p) {
        p.onConsoleMessage(m -> {
            if (m.type().equals("error")) consoleErrors.add(m.text() + " @ " + p.url());
        });
        p.onPageError(e -> consoleErrors.add("uncaught: " + e + " @ " + p.url()));
    }

    protected Page open(String path) {
        Page p = context.newPage();
        p.navigate(site.base + path);
        return p;
    }

    @AfterEach
    void closeContext() {
        context.close();
        consoleErrors.removeIf(e -> allowedErrors.stream().anyMatch(e::contains));
        assertEquals(List.of(), external, "requests that left the site");
        assertEquals(List.of(), consoleErrors, "console errors");
    }
}
