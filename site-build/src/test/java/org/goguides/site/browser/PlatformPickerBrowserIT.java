package org.goguides.site.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The platform picker: a guess from the browser, the reader's choice, its persistence and the URL parameter. */
class PlatformPickerBrowserIT extends BrowserSupport {
    private static final String SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

    private static Locator step(Page p, String id) {
        return p.locator("[data-snippet-id='setup/" + id + "']");
    }

    @Test
    void linuxBrowserIsGuessedAndOtherPlatformsAreFolded() {
        Page p = open("/en/setup/");
        assertThat(p.locator("#platform-select")).hasValue("linux");
        assertThat(p.locator(".picker-note")).containsText("Guessed");
        assertThat(step(p, "mac-arm").locator(".snippet-body")).isHidden();
        assertThat(step(p, "mac-arm").locator(".fold-toggle")).isVisible();
        assertThat(step(p, "version").locator(".snippet-body")).isVisible();
        assertThat(step(p, "version").locator("[data-platform-status=linux]")).hasText("✓ verified on Linux");
        // the reader's hosts come first among the (folded) badges
        assertThat(step(p, "version").locator(".badge[data-platform=linux]")).hasCSS("order", "-1");
        assertThat(p.locator("[data-platform-summary=linux]")).isVisible();
        // folded, not gone: one click shows it
        step(p, "mac-arm").locator(".fold-toggle").click();
        assertThat(step(p, "mac-arm").locator("pre.code")).isVisible();
        assertThat(step(p, "mac-arm").locator(".fold-toggle")).hasAttribute("aria-expanded", "true");
    }

    @Test
    void choiceChangesTheGuideAndIsRemembered() {
        Page p = open("/zh/setup/");
        p.locator("#platform-select").selectOption("macos-arm64");
        assertThat(step(p, "mac-arm").locator(".snippet-body")).isVisible();
        assertThat(step(p, "mac-intel").locator(".snippet-body")).isHidden();
        assertThat(step(p, "wsl-kernel").locator(".snippet-body")).isHidden();
        assertThat(step(p, "mac-arm").locator("[data-platform-status=macos-arm64]")).containsText("已在 macOS（Apple 芯片） 上验证");
        assertThat(step(p, "version").locator(".badge[data-platform=macos-arm64]")).hasCSS("order", "-1");
        p.reload();
        assertThat(p.locator("#platform-select")).hasValue("macos-arm64");
        assertThat(step(p, "wsl-kernel").locator(".snippet-body")).isHidden();
        assertThat(step(p, "mac-intel").locator("[data-platform-status=macos-amd64]")).isHidden();
        p.navigate(site.base + "/en/setup/");
        assertThat(p.locator("#platform-select")).hasValue("macos-arm64");
        p.locator("#platform-select").selectOption("");
        assertThat(step(p, "wsl-kernel").locator(".snippet-body")).isVisible();
        assertThat(step(p, "mac-intel").locator(".snippet-body")).isVisible();
    }

    @Test
    void urlParameterSetsThePlatform() {
        Page p = open("/en/setup/?platform=wsl");
        assertThat(p.locator("#platform-select")).hasValue("wsl");
        assertThat(step(p, "wsl-kernel").locator(".snippet-body")).isVisible();
        assertThat(step(p, "wsl-kernel").locator("[data-platform-status=wsl]")).hasText("✓ verified on WSL");
        assertThat(step(p, "mac-arm").locator(".snippet-body")).isHidden();
        p.navigate(site.base + "/en/setup/");
        assertThat(p.locator("#platform-select")).hasValue("wsl");
    }

    @Test
    void safariOnAMacIsAskedBecauseItCannotTellAppleSiliconFromIntel() {
        context.close();
        context = newContext(new Browser.NewContextOptions().setUserAgent(SAFARI_MAC));
        context.addInitScript("Object.defineProperty(navigator, 'userAgentData', {get: () => undefined})");
        Page p = open("/en/setup/");
        assertThat(p.locator("#platform-select")).hasValue("");
        assertThat(p.locator("html")).hasAttribute("data-how", "ask");
        assertThat(p.locator(".picker-note")).containsText("Apple Silicon");
        assertThat(step(p, "mac-intel").locator(".snippet-body")).isVisible();
    }

    @Test
    void chromiumOnAnAppleSiliconMacIsRecognised() {
        context.addInitScript("Object.defineProperty(navigator, 'userAgentData', {get: () => ({platform: 'macOS', "
                + "getHighEntropyValues: () => Promise.resolve({architecture: 'arm'})})})");
        Page p = open("/en/setup/");
        assertThat(p.locator("#platform-select")).hasValue("macos-arm64");
        assertThat(step(p, "mac-intel").locator(".snippet-body")).isHidden();
        assertThat(step(p, "mac-intel").locator(".fold-text")).containsText("macOS (Intel)");
    }
}
