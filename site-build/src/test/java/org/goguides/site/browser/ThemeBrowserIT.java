package org.goguides.site.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dark mode: follows the system, can be toggled, is remembered, and never flashes light first. */
class ThemeBrowserIT extends BrowserSupport {
    private static final String DARK_BG = "rgb(13, 17, 23)";
    private static final String LIGHT_BG = "rgb(255, 255, 255)";

    private static String background(Page p) {
        return (String) p.evaluate("getComputedStyle(document.body).backgroundColor");
    }

    @Test
    void followsTheSystemAndToggles() {
        context.close();
        context = newContext(new Browser.NewContextOptions().setColorScheme(ColorScheme.DARK));
        Page p = open("/en/setup/");
        assertEquals(DARK_BG, background(p));
        assertThat(p.locator(".theme-toggle")).hasAttribute("aria-pressed", "true");
        p.locator(".theme-toggle").click();
        assertEquals(LIGHT_BG, background(p));
        assertThat(p.locator(".theme-toggle")).hasAttribute("aria-pressed", "false");
        p.reload();
        assertEquals(LIGHT_BG, background(p), "the choice is remembered over the system setting");
    }

    @Test
    void savedDarkChoiceAppliesBeforeTheFirstPaint() {
        context.close();
        context = newContext(new Browser.NewContextOptions().setColorScheme(ColorScheme.LIGHT));
        Page p = open("/zh/");
        p.locator(".theme-toggle").click();
        assertEquals(DARK_BG, background(p));
        // record the theme at the moment <body> is parsed: the stylesheet blocks rendering until then
        p.addInitScript("new MutationObserver(function (m, o) { if (document.body) { window.__themeAtBody = "
                + "document.documentElement.getAttribute('data-theme'); o.disconnect(); } }).observe(document, {childList: true, subtree: true});");
        p.navigate(site.base + "/zh/setup/");
        assertEquals("dark", p.evaluate("window.__themeAtBody"));
        assertEquals(DARK_BG, background(p));
    }
}
