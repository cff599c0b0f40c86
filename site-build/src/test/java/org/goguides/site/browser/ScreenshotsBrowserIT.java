package org.goguides.site.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.ColorScheme;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screenshots of the guide, index and search in zh and en, light and dark, phone (390 px) and
 * desktop (1280 px) width, under {@code site-build/target/screenshots/}; and the page weight: the
 * gzipped JS and CSS a guide page loads, at most 60 KB.
 */
class ScreenshotsBrowserIT extends BrowserSupport {
    static final Path SHOTS = SiteFixture.ROOT.resolve("site-build/target/screenshots");
    static final int BUDGET = 60 * 1024;

    @Test
    void screenshots() {
        for (String lang : List.of("zh", "en")) {
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                for (int width : List.of(390, 1280)) {
                    context.close();
                    context = newContext(new Browser.NewContextOptions().setColorScheme(scheme).setViewportSize(width, width < 500 ? 844 : 900));
                    Page p = open("/" + lang + "/setup/?platform=linux");
                    String name = lang + "-" + scheme.name().toLowerCase() + "-" + width;
                    p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("guide-" + name + ".png")).setFullPage(true));
                    p.locator("[data-snippet-id='setup/broken'] details.failure summary").click();
                    p.locator("[data-snippet-id='setup/broken']").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                            .setPath(SHOTS.resolve("failure-" + name + ".png")));
                    p.navigate(site.base + "/" + lang + "/");
                    p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("index-" + name + ".png")).setFullPage(true));
                    p.locator("#search-input").fill(lang.equals("zh") ? "环境变量" : "environment");
                    p.locator(".search-list a").first().waitFor();
                    p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("search-" + name + ".png")));
                }
            }
        }
    }

    @Test
    void guidePageWeighsAtMost60KbOfGzippedJsAndCss() throws IOException {
        List<Response> responses = new java.util.concurrent.CopyOnWriteArrayList<>();
        Page p = context.newPage();
        p.onResponse(responses::add);
        p.navigate(site.base + "/zh/setup/");
        p.waitForLoadState();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Response r : responses) {
            String type = r.request().resourceType();
            if (type.equals("script") || type.equals("stylesheet")) sizes.put(r.url().replace(site.base, ""), gzip(r.body()));
        }
        int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("page weight of /zh/setup/: %d bytes (%.1f KB) gzipped JS+CSS: %s%n", total, total / 1024.0, sizes);
        assertTrue(sizes.keySet().stream().anyMatch(u -> u.endsWith(".css")) && sizes.keySet().stream().anyMatch(u -> u.endsWith(".js")), sizes.toString());
        assertTrue(total <= BUDGET, "gzipped JS+CSS " + total + " bytes > " + BUDGET);
        assertTrue(sizes.keySet().stream().noneMatch(u -> u.contains("/search/")), "the search index is not loaded up front");
    }

    private static int gzip(byte[] body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(body);
        }
        return b.size();
    }
}
