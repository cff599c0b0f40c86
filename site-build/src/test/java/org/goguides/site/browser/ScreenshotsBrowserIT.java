package org.goguides.site.browser;

import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.ColorScheme;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screenshots of the guide, index and search in zh and en, light and dark, phone (390 px) and
 * desktop (1280 px) width, under {@code site-build/target/screenshots/}; the first screen of a guide as a
 * Linux reader and as a Mac (Apple Silicon) reader sees it, and of the home page with search open, is
 * compared with the reviewed references in {@code src/test/resources/screenshots/}, so a visual change is a
 * reviewed change: {@code -Dscreenshots.update=true} rewrites the references (look at them before
 * committing). And the page weight: the gzipped JS and CSS a guide page loads, at most 15 KB.
 */
class ScreenshotsBrowserIT extends BrowserSupport {
    static final Path SHOTS = SiteFixture.ROOT.resolve("site-build/target/screenshots");
    static final Path REFERENCES = SiteFixture.ROOT.resolve("site-build/src/test/resources/screenshots");
    static final int BUDGET = 15 * 1024;
    /** A pixel differs when a channel differs by more than this (anti-aliasing noise stays below). */
    static final int CHANNEL_TOLERANCE = 40;
    /** At most this share of the pixels may differ. */
    static final double PIXEL_TOLERANCE = 0.002;

    private static final String MAC_ARM = "Object.defineProperty(navigator, 'userAgentData', {get: () => ({platform: 'macOS', "
            + "getHighEntropyValues: () => Promise.resolve({architecture: 'arm'})})})";

    @Test
    void screenshots() throws IOException {
        List<String> differ = new ArrayList<>();
        for (String lang : List.of("zh", "en")) {
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                for (int width : List.of(390, 1280)) {
                    String name = lang + "-" + scheme.name().toLowerCase() + "-" + width;
                    for (String reader : List.of("linux", "mac")) {
                        context.close();
                        context = newContext(new Browser.NewContextOptions().setColorScheme(scheme).setViewportSize(width, width < 500 ? 844 : 900)
                                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
                        if (reader.equals("mac")) context.addInitScript(MAC_ARM);
                        Page p = open("/" + lang + "/setup/");
                        p.locator("#platform-select").waitFor();
                        p.waitForFunction("document.documentElement.getAttribute('data-how') !== 'ask'");
                        compare(p, "guide-" + reader + "-" + name, differ);
                    }
                    Page p = context.pages().get(0);
                    p.navigate(site.base + "/" + lang + "/setup/?platform=linux");
                    p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("guide-" + name + ".png")).setFullPage(true));
                    p.locator("[data-snippet-id='setup/broken'] details.failure summary").click();
                    p.locator("[data-snippet-id='setup/broken']").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                            .setPath(SHOTS.resolve("failure-" + name + ".png")));
                    p.navigate(site.base + "/" + lang + "/");
                    p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("index-" + name + ".png")).setFullPage(true));
                    p.locator("#search-input").fill(lang.equals("zh") ? "环境变量" : "environment");
                    p.locator(".search-list a").first().waitFor();
                    compare(p, "search-" + name, differ);
                }
            }
        }
        assertEquals(List.of(), differ, "screenshots that differ from their references (see site-build/target/screenshots/*-diff.png; "
                + "after reviewing, rerun with -Dscreenshots.update=true)");
    }

    /** Takes the first screen and compares it with its reference; writes the shot and, when they differ, a diff image. */
    private static void compare(Page p, String name, List<String> differ) throws IOException {
        byte[] png = p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setAnimations(
                com.microsoft.playwright.options.ScreenshotAnimations.DISABLED).setCaret(com.microsoft.playwright.options.ScreenshotCaret.HIDE));
        Path ref = REFERENCES.resolve(name + ".png");
        if (Boolean.getBoolean("screenshots.update")) {
            Files.createDirectories(REFERENCES);
            Files.write(ref, png);
            return;
        }
        if (!Files.exists(ref)) {
            differ.add(name + ": no reference " + SiteFixture.ROOT.relativize(ref));
            return;
        }
        BufferedImage a = ImageIO.read(new java.io.ByteArrayInputStream(png));
        BufferedImage b = ImageIO.read(ref.toFile());
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            differ.add(name + ": " + a.getWidth() + "x" + a.getHeight() + " against the reference's " + b.getWidth() + "x" + b.getHeight());
            return;
        }
        BufferedImage diff = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
        long bad = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int pa = a.getRGB(x, y);
                int pb = b.getRGB(x, y);
                boolean off = false;
                for (int shift = 0; shift <= 16; shift += 8) off |= Math.abs(((pa >> shift) & 0xff) - ((pb >> shift) & 0xff)) > CHANNEL_TOLERANCE;
                if (off) bad++;
                diff.setRGB(x, y, off ? 0xff0000 : (pb & 0xfefefe) >> 1 | 0x808080);
            }
        }
        double share = bad / (double) (a.getWidth() * a.getHeight());
        if (share > PIXEL_TOLERANCE) {
            ImageIO.write(diff, "png", SHOTS.resolve(name + "-diff.png").toFile());
            differ.add(String.format("%s: %.2f%% of the pixels differ", name, share * 100));
        }
    }

    @Test
    void guidePageWeighsAtMost15KbOfGzippedJsAndCss() throws IOException {
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
