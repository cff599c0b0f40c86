package org.goguides.site.browser;

import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** axe-core finds no WCAG 2.0/2.1/2.2 A and AA violation on any kind of page, in either theme. */
class AccessibilityBrowserIT extends BrowserSupport {
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
    /** Every kind of page: language choice, index, guide (both languages, one with steps folded), overview, 404. */
    private static final List<String> PAGES = List.of("/", "/zh/", "/zh/setup/", "/en/setup/?platform=macos-amd64",
            "/en/verification/", "/zh/404.html");

    private List<String> violations(Page p, String label) {
        AxeResults r = new AxeBuilder(p).withTags(TAGS).analyze();
        List<String> out = new ArrayList<>();
        for (Rule v : r.getViolations()) {
            v.getNodes().forEach(n -> out.add(label + ": " + v.getId() + " " + n.getTarget() + " " + n.getFailureSummary()));
        }
        return out;
    }

    /** Dark colours are the same on every page: the pages with the most components are enough there. */
    private static final List<String> DARK_PAGES = List.of("/", "/en/", "/zh/setup/", "/en/verification/");

    private List<String> check(ColorScheme scheme, List<String> pages) {
        return check(scheme, pages, 1280);
    }

    private List<String> check(ColorScheme scheme, List<String> pages, int width) {
        context.close();
        context = newContext(new Browser.NewContextOptions().setColorScheme(scheme).setViewportSize(width, width < 500 ? 844 : 900));
        List<String> found = new ArrayList<>();
        Page p = context.newPage();
        for (String path : pages) {
            p.navigate(site.base + path);
            p.waitForLoadState();
            found.addAll(violations(p, scheme + " " + path));
        }
        // the states readers reach with a click: an opened failure, a folded step opened, search results
        p.navigate(site.base + "/zh/setup/?platform=linux");
        p.locator("[data-snippet-id='setup/broken'] details.failure summary").click();
        p.locator("[data-snippet-id='setup/mac-arm'] .fold-toggle").click();
        p.locator("details.legend summary").click();
        p.locator("[data-snippet-id='setup/version'] details.hosts summary").click();
        p.locator("[data-snippet-id='setup/version'] details.pattern summary").click();
        if (width < 500) p.locator(".toc-toggle").click();
        found.addAll(violations(p, scheme + " " + width + " zh guide, opened"));
        // search open: its panel overlays the page by design, so the page under it is checked above and the search here
        p.locator("#search-input").fill("环境变量");
        p.locator(".search-list a").first().waitFor();
        AxeResults r = new AxeBuilder(p).withTags(TAGS).include(List.of("form.search")).analyze();
        for (Rule v : r.getViolations()) {
            v.getNodes().forEach(n -> found.add(scheme + " " + width + " search open: " + v.getId() + " " + n.getTarget() + " " + n.getFailureSummary()));
        }
        return found;
    }

    @Test
    void noViolationsInTheLightTheme() {
        assertEquals(List.of(), check(ColorScheme.LIGHT, PAGES));
    }

    @Test
    void noViolationsOnAPhoneInEitherTheme() {
        List<String> found = new ArrayList<>(check(ColorScheme.LIGHT, List.of("/zh/", "/en/setup/", "/en/verification/"), 390));
        found.addAll(check(ColorScheme.DARK, List.of("/en/", "/zh/setup/"), 390));
        assertEquals(List.of(), found);
    }

    @Test
    void noViolationsInTheDarkTheme() {
        assertEquals(List.of(), check(ColorScheme.DARK, DARK_PAGES));
    }
}
