package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.goguides.checks.host.Platform;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.SiteConfig;

/**
 * {@code site.yml} and {@code platforms.yml} read without the YAML library where they are plain ({@link PlainYaml}) give
 * the settings and the messages they gave when the library read every file (the messages below are those of that
 * reading); what is not plain is still read, and its errors worded, by the library.
 */
class ContentLoaderSettingsTest {
    @TempDir
    Path dir;

    private Content settings(String site, String platforms) throws Exception {
        Files.writeString(dir.resolve("site.yml"), site, StandardCharsets.UTF_8);
        if (platforms != null) Files.writeString(dir.resolve("platforms.yml"), platforms, StandardCharsets.UTF_8);
        return new ContentLoader(dir, dir).loadSettings();
    }

    private static List<String> messages(Content c) {
        return c.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void plainSettingsGiveTheSettingsAndMessagesOfTheLibrarysReading() throws Exception {
        Content c = settings("# settings\ntitle:\n  zh: 中文\n  en: English\nlanguages: [zh, en]\ndefaultLanguage: en\n"
                + "baseUrl: https://example.org/\nrepoUrl: https://github.com/x/y\n", null);
        assertEquals(new SiteConfig(Map.of("zh", "中文", "en", "English"), List.of("zh", "en"), "en", "https://example.org/",
                "https://github.com/x/y"), c.site());
        assertEquals(List.of(), messages(c));
        assertEquals(List.of("site.yml:1: unknown key \"titel\" (did you mean \"title\"? allowed: title, languages, defaultLanguage, baseUrl, repoUrl)",
                "site.yml:3: language \"EN\" is not a language code (two lower-case letters, optionally -REGION: zh, en, pt-BR); it names folders of the site"),
                messages(settings("# settings\ntitel: x\nlanguages: [zh, EN, en]\n", null)));
        assertEquals(List.of("site.yml:2: defaultLanguage \"fr\" is not in languages [zh]",
                "site.yml:3: baseUrl \"javascript:alert\" is not an http or https URL (pages link to it)",
                "site.yml:4: repoUrl \"ftp://x\" is not an http or https URL (pages link to it)"),
                messages(settings("languages: [zh]\ndefaultLanguage: fr\nbaseUrl: javascript:alert\nrepoUrl: ftp://x\n", null)));
        Content p = settings("languages: [zh]\n", "linux:\n  when: {os: linux, wsl: false, cpu: x}\n  names: {en: \"Linux!\", zh: \"Linux（新）\"}\n"
                + "new-one:\n  when: {}\n  names: {en: 'All'}\nbad: 3\n");
        assertEquals(List.of("platforms.yml:1: platform \"linux\": unknown fact \"cpu\" (known: os, arch, wsl, distro)",
                "platforms.yml:1: platform \"bad\" needs when: and names: maps"), messages(p));
        assertEquals(new Platform("linux", Map.of("os", "linux", "wsl", "false"), Map.of("en", "Linux!", "zh", "Linux（新）")),
                p.platforms().get("linux").orElseThrow());
        assertEquals(new Platform("new-one", Map.of(), Map.of("en", "All")), p.platforms().get("new-one").orElseThrow());
    }

    @Test
    void settingsThatAreNotPlainAreReadAndReportedByTheLibrary() throws Exception {
        assertEquals(List.of("site.yml:1: invalid YAML: while parsing a flow sequence"), messages(settings("languages: [zh, en\n", null)));
        assertEquals(List.of("site.yml:3: invalid YAML: while parsing a block mapping"), messages(settings("title:\n  zh: x\n bad: y\n", null)));
        assertEquals(List.of("site.yml:1: expected YAML keys and values"), messages(settings("- a\n- b\n", null)));
        assertEquals(List.of("site.yml:2: invalid YAML: No content to map due to end-of-input"), messages(settings("# only a comment\n", null)));
        assertEquals(List.of("platforms.yml:2: invalid YAML: while parsing a flow mapping"), messages(settings("languages: [zh]\n", "linux:\n  when: {os: linux\n")));
        Content deeper = settings("languages: [zh]\n", "x:\n  when:\n    os: linux\n");
        assertEquals(List.of(), messages(deeper));
        assertEquals(Map.of("os", "linux"), deeper.platforms().get("x").orElseThrow().when());
    }
}
