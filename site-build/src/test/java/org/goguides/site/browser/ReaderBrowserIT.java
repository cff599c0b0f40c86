package org.goguides.site.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.Media;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, point by point: what a reader sees for their platform (real output, one status, dependencies),
 * how they get around (sidebar, previous / next, sticky header, start here, counts that link, TOC), search,
 * front matter conventions, absolute URLs and social cards, and no layout shift, print, keyboard stops.
 */
class ReaderBrowserIT extends BrowserSupport {
    private static Locator step(Page p, String id) {
        return p.locator("[data-snippet-id='setup/" + id + "']");
    }

    @Test
    void point1RealOutputOfTheReadersHostInsteadOfThePattern() {
        Page p = open("/en/setup/?platform=linux");
        Locator version = step(p, "version");
        Locator out = version.locator(".output[data-for=linux]");
        assertThat(out).isVisible();
        assertThat(out).containsText("go version go1.26");
        assertThat(out.locator(".expected-label")).containsText("Linux · Debian 12 · go1.26.8");
        assertFalse(version.locator(".snippet-body").innerText().contains("[..]"), "no bare wildcard shown");
        // the pattern stays available for authors, its wildcards spelled out
        version.locator("details.pattern summary").click();
        assertThat(version.locator("details.pattern .wild").first()).isVisible();
        assertThat(version.locator("details.pattern")).containsText("any text");
        p.navigate(site.base + "/en/setup/?platform=macos-arm64");
        assertThat(step(p, "version").locator(".output[data-for=macos-arm64]")).isVisible();
        assertThat(step(p, "version").locator(".output[data-for=macos-arm64]")).containsText("darwin/arm64");
        assertThat(step(p, "version").locator(".output[data-for=macos-arm64] .expected-label")).containsText("macOS 14.5 (Apple Silicon)");
        assertThat(step(p, "version").locator(".output[data-for=linux]")).isHidden();
        // no output from the reader's platform: the first host's, labelled with that host
        assertThat(step(p, "print-env").locator(".output").first()).isVisible();
        assertThat(step(p, "print-env").locator(".output").first()).containsText("Linux · Debian 12");
    }

    @Test
    void point2OneStatusForTheChosenPlatformInItsOwnWords() {
        Page p = open("/en/setup/?platform=macos-arm64");
        Locator version = step(p, "version");
        assertThat(version.locator(".status-all")).isHidden();
        assertThat(version.locator("[data-platform-status=macos-arm64]")).isVisible();
        assertEquals(1, version.locator(".snippet-head [data-platform-status]:visible, .snippet-head .status-all:visible").count(),
                "one status on the step");
        // a host that could never run a Mac-only step is not listed as "not run"
        assertEquals(0, step(p, "mac-arm").locator(".badge[data-platform=linux]").count());
        assertEquals(0, step(p, "mac-arm").locator(".badge[data-platform=wsl]").count());
        // other hosts fold away; labels use the picker's names
        assertThat(version.locator("details.hosts .badge").first()).isHidden();
        version.locator("details.hosts summary").click();
        String badges = version.locator(".badges").innerText();
        assertTrue(badges.contains("macOS 14.5 (Apple Silicon)") && badges.contains("WSL 2 · Ubuntu 24.04"), badges);
        assertFalse(badges.contains("darwin/arm64") || badges.contains("bwrap") || badges.contains("isolation"), badges);
    }

    @Test
    void point3AStepSaysWhichEarlierStepItNeeds() {
        Page p = open("/en/setup/?platform=all");
        Locator deps = step(p, "download").locator(".deps");
        assertThat(deps).containsText("$GO_WANTED");
        assertThat(deps.locator("a")).hasAttribute("href", "#step-pick-version");
        deps.locator("a").click();
        assertTrue(p.url().endsWith("#step-pick-version"));
        assertEquals(0, step(p, "set-path").locator(".deps").count(), "PATH is the environment, not a dependency");
    }

    @Test
    void point4SidebarPrevNextStickyHeaderStartHereAndLinkedCounts() {
        Page p = open("/en/");
        assertThat(p.locator(".start-here a")).hasAttribute("href", "/en/setup/");
        assertEquals(List.of("/en/setup/", "/en/extra/"), p.locator(".guide-card h3 a").all().stream().map(a -> a.getAttribute("href")).toList());
        assertThat(p.locator(".guide-card[data-guide-link=setup] .count-failed a")).hasAttribute("href", "/en/setup/#step-broken");
        p.navigate(site.base + "/en/setup/?platform=all");
        assertThat(p.locator(".sidebar a[aria-current=page]")).hasAttribute("href", "/en/setup/");
        assertThat(p.locator(".prev-next .next")).hasAttribute("href", "/en/extra/");
        assertEquals(0, p.locator(".prev-next .prev").count());
        p.locator(".guide-summary > .counts .count-failed a").click();
        assertTrue(p.url().endsWith("#step-broken"));
        p.evaluate("window.scrollTo(0, 2500)");
        assertEquals(0.0, p.locator(".site-header").boundingBox().y, 1.0, "the header stays at the top");
    }

    @Test
    void point5TocIsNumberedWithoutGapsMarksTheSectionAndFoldsOnPhones() {
        context.close();
        context = newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page p = open("/en/setup/");
        List<String> numbers = p.locator(".toc-list > li > a .toc-n").allInnerTexts();
        for (int i = 0; i < numbers.size(); i++) assertEquals(Integer.toString(i + 1), numbers.get(i).strip());
        assertThat(p.locator(".toc-list")).isHidden();
        p.locator(".toc-toggle").click();
        assertThat(p.locator(".toc-list")).isVisible();
        p.locator(".toc-list a").nth(2).click();
        p.waitForTimeout(300);
        assertThat(p.locator(".toc-list a[aria-current]")).hasCount(1);
    }

    @Test
    void point6SearchSlashShortcutRealCountRankingAndClosesWhenFocusLeaves() {
        Page p = open("/en/");
        p.locator("body").press("/");
        assertThat(p.locator("#search-input")).isFocused();
        p.keyboard().type("Troubleshooting");
        assertThat(p.locator(".search-list a").first()).isVisible();
        assertThat(p.locator(".search-list a").first()).hasAttribute("href", java.util.regex.Pattern.compile("^/en/extra/"));
        int shown = p.locator(".search-list li").count();
        assertThat(p.locator(".search-status")).hasText(shown + " results");
        // a typo still finds it
        p.locator("#search-input").fill("Troubleshootng");
        assertThat(p.locator(".search-list a").first()).hasAttribute("href", java.util.regex.Pattern.compile("^/en/extra/"));
        p.keyboard().press("Tab");
        p.keyboard().press("Tab");
        p.waitForTimeout(100);
        if (!p.evaluate("document.querySelector('form.search').contains(document.activeElement)").equals(Boolean.TRUE)) {
            assertThat(p.locator(".search-panel")).isHidden();
        }
        // typing with an IME: nothing is searched until the composition ends
        p.locator("#search-input").fill("");
        p.locator("#search-input").press("Escape");
        assertThat(p.locator(".search-panel")).isHidden();
        p.evaluate("() => { const i = document.getElementById('search-input'); i.dispatchEvent(new CompositionEvent('compositionstart'));"
                + " i.value = 'an'; i.dispatchEvent(new InputEvent('input', {isComposing: true})); }");
        p.waitForTimeout(200);
        assertThat(p.locator(".search-panel")).isHidden();
    }

    @Test
    void point7FrontMatterConventions() {
        Page p = open("/en/setup/");
        assertThat(p.locator(".summary code")).hasText("go");
        assertThat(p.locator("meta[name=description]")).hasAttribute("content", java.util.regex.Pattern.compile("^Install go on macOS"));
        p.navigate(site.base + "/en/extra/");
        assertThat(p.locator(".tags li")).hasCount(2);
        // an alias: a redirect page at the old URL (Netlify answers it with a 301 from _redirects first)
        Page old = context.newPage();
        old.navigate(site.base + "/en/troubleshooting/", new Page.NavigateOptions().setWaitUntil(com.microsoft.playwright.options.WaitUntilState.COMMIT));
        old.waitForURL("**/en/extra/");
        assertTrue(p.request().get(site.base + "/_redirects").text().contains("/en/troubleshooting/ /en/extra/ 301"));
    }

    @Test
    void point8AbsoluteUrlsAndASocialCard() {
        Page p = open("/en/setup/");
        assertThat(p.locator("link[rel=canonical]")).hasAttribute("href", "https://goguides.example.org/en/setup/");
        assertThat(p.locator("link[hreflang=zh-CN]")).hasAttribute("href", "https://goguides.example.org/zh/setup/");
        assertThat(p.locator("meta[property='og:image']")).hasAttribute("content", "https://goguides.example.org/cards/en/setup.png");
        var card = p.request().get(site.base + "/cards/en/setup.png");
        assertEquals(200, card.status());
        byte[] png = card.body();
        assertEquals(1200, ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff));
        assertTrue(p.request().get(site.base + "/robots.txt").text().contains("Sitemap: https://goguides.example.org/sitemap.xml"));
    }

    @Test
    void point9NoLayoutShiftPrintKeyboardStopsAndLandmarks() {
        context.close();
        context = newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setColorScheme(ColorScheme.DARK));
        context.addInitScript("window.__cls = 0; new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) window.__cls += e.value; }))"
                + ".observe({type: 'layout-shift', buffered: true});");
        Page p = open("/en/setup/");
        p.waitForLoadState();
        p.waitForTimeout(500);
        assertEquals(0.0, ((Number) p.evaluate("window.__cls")).doubleValue(), 0.0001, "cumulative layout shift");
        assertEquals(0, p.locator("main ~ .page-meta, body > .page-meta").count(), ".page-meta is inside main");
        assertThat(p.locator("a.anchor").first()).not().hasAttribute("tabindex", "-1");
        assertThat(p.locator("a.anchor").first()).hasAttribute("aria-label", java.util.regex.Pattern.compile("^Link to this section: "));
        assertThat(step(p, "pick-version").locator("pre.code")).not().hasAttribute("tabindex", "0");
        p.evaluate("localStorage.setItem('platform', 'macos-arm64')");
        p.reload();
        assertThat(step(p, "wsl-kernel").locator(".snippet-body")).isHidden();
        p.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(step(p, "wsl-kernel").locator(".snippet-body")).isVisible();
        assertEquals("rgb(0, 0, 0)", p.evaluate("getComputedStyle(document.body).color"));
        assertEquals("rgb(255, 255, 255)", p.evaluate("getComputedStyle(document.body).backgroundColor"));
    }
}
