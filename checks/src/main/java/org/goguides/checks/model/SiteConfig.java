package org.goguides.checks.model;

import java.util.List;
import java.util.Map;

/**
 * {@code content/site.yml}: the site's title per language, its languages, the default language,
 * the public base URL and the source repository (for "edit this page" links). Every field has a default.
 */
public record SiteConfig(Map<String, String> title, List<String> languages, String defaultLanguage, String baseUrl,
                         String repoUrl) {
    public static final SiteConfig DEFAULT = new SiteConfig(
            Map.of("zh", "Go 环境配置：经过验证的指南", "en", "Go setup, verified"), List.of("zh", "en"), "zh", "", "");

    public SiteConfig {
        title = Map.copyOf(title);
        languages = List.copyOf(languages);
    }

    public String title(String lang) {
        return title.getOrDefault(lang, title.getOrDefault(defaultLanguage, "Guides"));
    }
}
