package org.goguides.site.browser;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a guide page shows: copy buttons, a failed step's output, badges, highlighting, emphasis, callouts, edit link. */
class GuidePageBrowserIT extends BrowserSupport {

    private Page guide(String lang) {
        Page p = open("/" + lang + "/setup/?platform=all");
        assertThat(p.locator("#platform-select")).hasValue("");
        return p;
    }

    @Test
    void copyButtonCopiesCommandsWithoutPromptOrOutput() {
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        Page p = guide("en");
        Locator console = p.locator("[data-snippet-id='setup/version'] button.copy");
        console.click();
        assertThat(console).hasText("Copied");
        assertEquals("go version", p.evaluate("navigator.clipboard.readText()"));
        p.locator("[data-snippet-id='setup/set-path'] button.copy").click();
        assertEquals("export PATH=\"$PATH:$HOME/go/bin\"\necho \"$PATH\" | tr ':' '\\n' | grep -c go", p.evaluate("navigator.clipboard.readText()"));
    }

    @Test
    void failedStepShowsExpectedAgainstActualOutputAfterOneClick() {
        Page p = guide("en");
        Locator failed = p.locator("[data-snippet-id='setup/broken']");
        assertThat(failed).hasAttribute("data-status", "failed");
        assertThat(failed.locator("pre.actual")).isHidden();
        failed.locator("details.failure summary").click();
        assertThat(failed.locator("pre.actual")).isVisible();
        assertThat(failed.locator("pre.actual")).containsText("<script>alert(1)</script>");
        assertThat(failed.locator("pre.diff")).containsText("-expected");
        assertEquals(0, failed.locator("pre.actual script").count(), "output is escaped, never markup");
    }

    @Test
    void badgesExplainThemselves() {
        Page p = guide("en");
        Locator version = p.locator("[data-snippet-id='setup/version']");
        assertThat(version).hasAttribute("data-status", "passed");
        assertThat(version.locator(".badge")).hasCount(3);
        Locator linux = version.locator(".badge[data-host='linux-amd64-debian-12-go1.26.8']");
        assertThat(linux).hasAttribute("data-status", "passed");
        assertThat(linux).hasAttribute("data-verified-at", "2026-11-21T10:01:30Z");
        assertThat(linux).containsText("verified");
        assertThat(linux).containsText("go1.26.8");
        assertThat(linux).containsText("2026-11-21");
        assertThat(p.locator("[data-snippet-id='setup/changed']")).hasAttribute("data-status", "stale");
        assertThat(p.locator("[data-snippet-id='setup/changed'] .badge")).containsText("stale");
        assertThat(p.locator("[data-snippet-id='setup/never']")).hasAttribute("data-status", "unverified");
        assertThat(p.locator("[data-snippet-id='setup/mac-intel']")).hasAttribute("data-status", "unverified");
        assertThat(p.locator("[data-guide-summary]")).hasAttribute("data-failed", "1");
        p.locator("details.legend summary").click();
        assertThat(p.locator("details.legend")).containsText("earlier version");
    }

    @Test
    void codeIsHighlightedAtBuildTime() {
        Page p = guide("en");
        for (String lang : List.of("console", "sh", "go", "json", "yaml", "toml", "powershell")) {
            assertTrue(p.locator(".snippet[data-lang=" + lang + "] code [class^=tk-]").count() > 0, lang + " is highlighted");
        }
        assertThat(p.locator(".snippet[data-lang=go] .tk-k").first()).hasText("package");
        assertThat(p.locator("[data-snippet-id='setup/version'] details.pattern .tk-out")).hasText(java.util.regex.Pattern.compile("^go version go1\\..*any text"));
    }

    @Test
    void chineseEmphasisCalloutsTocAndPageMetadata() {
        Page p = guide("zh");
        assertThat(p.locator(".guide-body strong").first()).hasText("注意：");
        assertTrue(!p.locator(".guide-body").innerText().contains("**"), "no literal asterisks");
        assertThat(p.locator(".callout-note .callout-title")).hasText("说明");
        assertThat(p.locator(".toc a[href='#设置环境变量']")).isVisible();
        p.locator(".toc a[href='#设置环境变量']").click();
        assertTrue(p.url().endsWith("#%E8%AE%BE%E7%BD%AE%E7%8E%AF%E5%A2%83%E5%8F%98%E9%87%8F") || p.url().endsWith("#设置环境变量"));
        assertThat(p.locator("a.edit-link")).hasAttribute("href", java.util.regex.Pattern.compile(
                "^https://github.com/example/goguides/edit/HEAD/.*content/guides/setup/index.zh.md$"));
        assertThat(p.locator("time[data-last-updated]")).hasAttribute("datetime", java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$"));
        assertThat(p.locator("meta[property='og:locale']")).hasAttribute("content", "zh_CN");
        assertThat(p.locator("meta[property='og:url']")).hasAttribute("content", "https://goguides.example.org/zh/setup/");
    }
}
