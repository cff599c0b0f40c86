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
    public record LanguageLink(String lang, String name, String url, boolean current, boolean exists) {
    }

    /** What every page shares: language, interface text, site title, navigation. */
    public record PageContext(String lang, String siteTitle, Map<String, String> t, List<LanguageLink> languages,
                              String indexUrl, String overviewUrl, String assetsUrl, String canonicalUrl, String path) {
    }

    /** One host's result for a snippet. */
    public record BadgeView(String host, String status, String label, String hostLabel, String verifiedAt, String date,
                            String reason, String isolation) {
    }

    /** One fenced block as shown on a guide page. */
    public record SnippetView(String key, String id, String lang, String status, String statusLabel, String statusIcon,
                              String code, String copy, String expected, String platformLabel, String skipReason, List<BadgeView> badges,
                              FailureView failure, boolean executable, Map<String, String> t) {
    }

    /** What a failed host printed, for the one-click expected-versus-actual view. */
    public record FailureView(String host, String reason, String diff, String output) {
    }

    /** A count of snippets with one status. */
    public record CountView(String status, String label, int count) {
    }

    /** A guide page. */
    public record GuidePageView(PageContext page, String slug, String title, String summary, String body,
                                List<CountView> counts, int total, List<String> platforms, List<TocEntry> toc) {
    }

    /** A heading in the page's table of contents. */
    public record TocEntry(String id, String text, int level) {
    }

    /** A guide in a language index. */
    public record GuideLink(String slug, String title, String summary, String url, List<CountView> counts, int total) {
    }

    /** The index of one language. */
    public record IndexPageView(PageContext page, List<GuideLink> guides) {
    }

    /** The root page: pick a language. */
    public record RootPageView(List<LanguageLink> languages, String title, String defaultUrl) {
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
