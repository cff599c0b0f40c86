package org.goguides.site.render;

import java.util.Map;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.SiteConfig;

/**
 * The URL the site is published at, which sitemaps, robots.txt, canonical and hreflang links and social
 * cards need absolute: {@code --base-url}, else what Netlify (and the workflow) put in the environment
 * ({@code URL} in production, {@code DEPLOY_PRIME_URL} for previews and branch deploys), else
 * {@code baseUrl} in site.yml.
 */
public final class SiteUrl {
    private SiteUrl() {
    }

    /** An http(s) URL with a host and no query or fragment. */
    public static boolean valid(String url) {
        return url != null && url.matches("https?://[A-Za-z0-9.-]+(:\\d+)?(/[^\\s?#]*)?");
    }

    /** The URL from the flag or the environment; "" to keep site.yml's. */
    public static String resolve(String flag, Map<String, String> env) {
        if (flag != null && !flag.isBlank()) return strip(flag);
        String context = env.getOrDefault("CONTEXT", "");
        String prime = env.getOrDefault("DEPLOY_PRIME_URL", "");
        String main = env.getOrDefault("URL", "");
        String chosen = !context.equals("production") && valid(prime) ? prime : valid(main) ? main : valid(prime) ? prime : "";
        return strip(chosen);
    }

    private static String strip(String url) {
        return url.strip().replaceAll("/+$", "");
    }

    /** The settings with their base URL replaced, unless {@code url} is blank. */
    public static Content withBaseUrl(Content settings, String url) {
        if (url == null || url.isBlank()) return settings;
        SiteConfig s = settings.site();
        return new Content(new SiteConfig(s.title(), s.languages(), s.defaultLanguage(), strip(url), s.repoUrl()), settings.platforms(),
                settings.guides(), settings.problems());
    }
}
