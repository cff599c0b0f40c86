package org.goguides.site.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Language switch, hreflang, search in Chinese and English, skip link and the 404 pages. */
class NavigationBrowserIT extends BrowserSupport {

    @Test
    void languageSwitchLandsOnTheSameGuide() {
        Page p = open("/zh/setup/");
        assertThat(p.locator("link[rel=alternate][hreflang=en]")).hasAttribute("href", "https://goguides.example.org/en/setup/");
        p.locator(".lang-switch a[data-lang-link=en]").click();
        p.waitForURL("**/en/setup/");
        assertThat(p.locator("h1")).hasText("Set up a Go development environment");
        assertThat(p.locator("html")).hasAttribute("lang", "en");
        assertTrue(context.cookies().stream().anyMatch(c -> c.name.equals("nf_lang") && c.value.equals("en")), "nf_lang cookie kept for Netlify");
        p.locator(".lang-switch a[data-lang-link=zh]").click();
        p.waitForURL("**/zh/setup/");
        assertThat(p.locator("html")).hasAttribute("lang", "zh-CN");
    }

    @Test
    void missingTranslationIsSaidAndLeadsToTheIndex() {
        Page p = open("/en/extra/");
        var zh = p.locator(".lang-switch a[data-lang-link=zh]");
        assertThat(zh).containsText("not translated");
        zh.click();
        p.waitForURL("**/zh/");
    }

    @Test
    void chineseSearchFindsAWordInsideASentence() {
        Page p = open("/zh/setup/");
        p.getByRole(AriaRole.SEARCHBOX).fill("环境变量");
        var first = p.locator(".search-list a").first();
        assertThat(first).isVisible();
        assertThat(first).hasAttribute("href", java.util.regex.Pattern.compile("^/zh/setup/"));
        assertThat(p.locator(".search-list mark").first()).hasText("环境变量");
        p.getByRole(AriaRole.SEARCHBOX).press("ArrowDown");
        assertThat(first).isFocused();
        p.keyboard().press("Escape");
        assertThat(p.locator("#search-results")).isHidden();
    }

    @Test
    void englishSearchMatchesWordsAndPrefixes() {
        Page p = open("/en/extra/");
        int before = p.evaluate("performance.getEntriesByType('resource').filter(e => e.name.includes('/search/')).length").hashCode();
        assertEquals(0, before, "the search index is loaded only when search is used");
        p.getByRole(AriaRole.SEARCHBOX).fill("environment variab");
        assertThat(p.locator(".search-list a").first()).hasAttribute("href", java.util.regex.Pattern.compile("^/en/setup/"));
        p.getByRole(AriaRole.SEARCHBOX).fill("troubleshooting");
        assertThat(p.locator(".search-list a").first()).hasAttribute("href", java.util.regex.Pattern.compile("^/en/extra/"));
        p.getByRole(AriaRole.SEARCHBOX).fill("qwertyuiop");
        assertThat(p.locator(".search-status")).hasText("No results.");
    }

    @Test
    void skipLinkIsFirstAndMovesFocusToTheContent() {
        Page p = open("/en/setup/");
        p.keyboard().press("Tab");
        assertThat(p.locator(".skip-link")).isFocused();
        assertThat(p.locator(".skip-link")).isInViewport();
        String outline = (String) p.evaluate("getComputedStyle(document.activeElement).outlineStyle");
        assertTrue(!outline.equals("none"), "focus is visible");
        p.keyboard().press("Enter");
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*#main$")); // waits for the fragment navigation
        p.keyboard().press("Tab");
        assertTrue((Boolean) p.evaluate("document.querySelector('main').contains(document.activeElement) || document.activeElement.closest('main') !== null"),
                "after the skip link, Tab continues inside the content");
    }

    @Test
    void notFoundPagesSpeakTheLanguageOfTheAddress() {
        allowedErrors.add("404");
        Page p = context.newPage();
        Response r = p.navigate(site.base + "/en/no-such-page/");
        assertEquals(404, r.status());
        assertThat(p.locator("h1")).hasText("Page not found");
        r = p.navigate(site.base + "/zh/no-such-page/");
        assertThat(p.locator("h1")).hasText("页面不存在");
    }
}
