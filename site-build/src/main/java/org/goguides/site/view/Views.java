package org.goguides.site.view;

import java.util.List;
import java.util.Map;

/**
 * The records templates receive. Every decision (status, labels, URLs, dates) is made in Java;
 * templates only display these values.
 */
public final class Views {
    private Views() {
    }

    /** A link to another language's version of the current page. */
    public record LanguageLink(String lang, String name, String url, boolean current, boolean exists, String hreflang, String href) {
    }

    /** What every page shares: language, interface text, site title, navigation. */
    public record PageContext(String lang, String siteTitle, Map<String, String> t, List<LanguageLink> languages,
                              String indexUrl, String overviewUrl, String assetsUrl, String canonicalUrl, String path,
                              String htmlLang, Map<String, String> assets, String ogLocale, List<String> ogAlternateLocales,
                              String searchUrl, List<PlatformOption> platforms, String ogImage) {

        /** The URL of a static asset by its plain name ({@code site.css}), fingerprinted when the build did so. */
        public String asset(String name) {
            return assets.getOrDefault(name, assetsUrl + name);
        }
    }

    /** A platform the reader can pick. */
    public record PlatformOption(String id, String label) {
    }

    /** How a snippet stands on one platform: "verified on Linux", "not verified on macOS (Intel)". */
    public record PlatformStatusView(String platform, String status, String text) {
    }

    /** The steps of a guide that apply to one platform, counted by their status there. */
    public record PlatformSummaryView(String platform, String label, List<CountView> counts, int total) {
    }

    /** A status and what it means, for the badge legend. */
    public record LegendEntry(String status, String label, String icon, String text) {
    }

    /** When a guide last changed: an ISO date and its display, or a reason it is not shown. */
    public record LastUpdatedView(String iso, String display, String reason) {
    }

    /** One host's result for a snippet. */
    public record BadgeView(String host, String status, String label, String hostLabel, String verifiedAt, String date,
                            String reason, String isolation, String platform, boolean old, String flaky) {
    }

    /** One fenced block as shown on a guide page. */
    public record SnippetView(String key, String id, String lang, String status, String statusLabel, String statusIcon,
                              String code, String copy, String expected, String platformLabel, String skipReason, List<BadgeView> badges,
                              FailureView failure, boolean executable, Map<String, String> t,
                              String codeHtml, String platforms, String platformsText, List<PlatformStatusView> platformStatuses,
                              String caption, boolean example,
                              List<OutputView> outputs, String outputPlatforms, String patternHtml, List<DependencyView> dependencies,
                              String hostsSummary) {
        /**
         * @param caption the file a {@code file=} block writes, shown above it; empty otherwise
         * @param example whether what readers see as output ({@code expected}, or for a console transcript the code)
         *                is the guide's example output rather than the pattern the check matches
         */
        public SnippetView {
        }


    }

    /**
     * What a verifying host really printed for a step whose expected output has wildcards: the platform it
     * belongs to, a label in the reader's terms ("Output on Linux · Debian 12 · go1.26.8, 2026-11-20") and
     * the text as HTML (a transcript highlighted like the step).
     */
    public record OutputView(String platform, String label, String html) {
    }

    /**
     * A variable a step uses that an earlier step of the same session exported: a reader who jumps to this
     * step must run that one first.
     */
    public record DependencyView(String variable, String stepId, String heading) {
    }

    /** What a failed host printed, for the one-click expected-versus-actual view. */
    public record FailureView(String host, String reason, String diff, String output) {
    }

    /** A count of snippets with one status. */
    public record CountView(String status, String label, int count, String href) {
    }

    /** A guide page. */
    public record GuidePageView(PageContext page, String slug, String title, String summary, String body,
                                List<CountView> counts, int total, List<String> platforms, List<TocEntry> toc,
                                String editUrl, LastUpdatedView lastUpdated, List<PlatformSummaryView> platformSummaries,
                                List<LegendEntry> legend, SeriesNavView series, String summaryHtml, String description, List<NavGroup> nav,
                                NavItem prev, NavItem next, List<String> tags, String published, String ogImage) {

    }

    /**
     * A guide's place in its series ({@code after:}): part {@code part} of {@code parts}, and the previous and
     * next part in the same language (empty title and URL when there is none, or no translation of it).
     */
    public record SeriesNavView(int part, int parts, String prevTitle, String prevUrl, String nextTitle, String nextUrl) {
    }

    /** A guide in the sidebar, or the previous / next guide in reading order. */
    public record NavItem(String slug, String title, String url, boolean current) {
    }

    /**
     * A group of guides in a page's sidebar, in the authors' order ({@code group}, {@code weight}): the guides
     * listed ({@code items}; empty for a group shown only by its title), how many it has ({@code count}), and
     * where the whole group is on the home page ({@code url}; "" when every guide of it is listed).
     */
    public record NavGroup(String title, List<NavItem> items, String url, int count) {
    }

    /** A heading in the page's table of contents; {@code number} counts the level-2 headings only ("" for level 3). */
    public record TocEntry(String id, String text, int level, String number, List<TocEntry> children) {
        public TocEntry(String id, String text, int level) {
            this(id, text, level, "", List.of());
        }
    }

    /** A guide in a language index. */
    public record GuideLink(String slug, String title, String summary, String url, List<CountView> counts, int total,
                            String summaryHtml, String group) {
    }

    /** Guides under one heading of the home page. */
    public record GuideGroup(String title, String anchor, List<GuideLink> guides) {
    }

    /** The index of one language: the guide to start with, then every guide in reading order and groups. */
    public record IndexPageView(PageContext page, List<GuideLink> guides, GuideLink start, List<GuideGroup> groups) {
    }

    /** The root page: pick a language. */
    public record RootPageView(List<LanguageLink> languages, String title, String defaultUrl, Map<String, String> assets) {

        /** The URL of a static asset by its plain name. */
        public String asset(String name) {
            return assets.getOrDefault(name, "/assets/" + name);
        }
    }

    /** A row of the verification overview: one guide, a cell per host. */
    public record OverviewRow(GuideLink guide, List<OverviewCell> cells) {
    }

    /** How one host did on one guide: counts per status and the run's date. */
    public record OverviewCell(String host, int passed, int failed, int skipped, int stale, String date) {
    }

    /** A host column of the overview. */
    public record HostColumn(String key, String label, String isolation, String date) {
    }

    /** The verification overview of one language. */
    public record OverviewPageView(PageContext page, List<HostColumn> hosts, List<OverviewRow> rows) {
    }

    /** A not-found page. */
    public record NotFoundPageView(PageContext page) {
    }
}
