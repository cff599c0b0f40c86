package org.goguides.site.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.model.TranscriptStep;
import org.goguides.checks.results.HostRun;
import org.goguides.checks.results.SnippetResult;
import org.goguides.site.view.ResultIndex.HostResult;
import org.goguides.site.view.Views.BadgeView;
import org.goguides.site.view.Views.CountView;
import org.goguides.site.view.Views.FailureView;
import org.goguides.site.view.Views.LanguageLink;
import org.goguides.site.view.Views.PageContext;
import org.goguides.site.view.Views.SnippetView;

/**
 * Builds the view records of the site from the content and the merged results: statuses, badges,
 * labels and URLs are all decided here.
 */
public final class ViewFactory {
    private final Content content;
    private final ResultIndex results;
    private final Map<String, Map<String, String>> messages;
    private final Map<String, String> assets;
    private final PlatformTags tags;
    /** {@link #translationKey} of every guide translation, for the language links of each page. */
    private final java.util.Set<String> translations;

    /**
     * @param settings the site and platform settings (its guides are not read)
     * @param translations {@link #translationKey} of every guide translation the site has, for the language links
     * @param assets plain asset name (e.g. {@code site.css}, {@code search-en.json}) to its URL (fingerprinted for static assets)
     */
    public ViewFactory(Content settings, java.util.Set<String> translations, ResultIndex results, Map<String, Map<String, String>> messages,
                       Map<String, String> assets) {
        this.content = settings;
        this.results = results;
        this.messages = messages;
        this.assets = Map.copyOf(assets);
        this.tags = new PlatformTags(settings.platforms());
        this.translations = java.util.Set.copyOf(translations);
    }

    /** How a guide translation is named in the set the constructor takes: {@code slug/lang}. */
    public static String translationKey(String slug, String lang) {
        return slug + "/" + lang;
    }

    /**
     * Highlighted code, once per distinct block: translations show the same code, and so do many guides
     * (a {@code go.mod}, an install command). Bounded, since a build's blocks need not repeat.
     */
    private String highlighted(String lang, String code) {
        String key = lang + "\0" + code;
        String html = highlightedCode.get(key);
        if (html == null) {
            html = org.goguides.site.render.Highlighter.html(lang, code);
            if (highlightedCode.size() < 20_000) highlightedCode.put(key, html);
        }
        return html;
    }

    private final Map<String, String> highlightedCode = new java.util.concurrent.ConcurrentHashMap<>();

    /** The value of {@code lang} for HTML and {@code hreflang}: {@code zh} is written zh-CN. */
    public static String htmlLang(String lang) {
        return lang.equals("zh") ? "zh-CN" : lang;
    }

    static String ogLocale(String lang) {
        return switch (lang) {
            case "zh" -> "zh_CN";
            case "en" -> "en_US";
            default -> lang;
        };
    }

    public PlatformTags platformTags() {
        return tags;
    }

    public Map<String, String> t(String lang) {
        return messages.get(lang);
    }

    public static String guideUrl(String lang, String slug) {
        return "/" + lang + "/" + slug + "/";
    }

    /** The shared part of a page at {@code path} in {@code lang}; {@code slug} non-null for a guide page. */
    public PageContext page(String lang, String path, String slug) {
        List<LanguageLink> langs = new ArrayList<>();
        for (String l : content.site().languages()) {
            boolean exists = slug == null || translations.contains(translationKey(slug, l));
            String url = slug == null ? path.replaceFirst("^/" + lang + "/", "/" + l + "/")
                    : exists ? guideUrl(l, slug) : "/" + l + "/";
            langs.add(new LanguageLink(l, Messages.text(t(l), "language.name"), url, l.equals(lang), exists, htmlLang(l),
                    content.site().baseUrl().replaceAll("/$", "") + url));
        }
        String base = content.site().baseUrl().replaceAll("/$", "");
        List<String> alternates = new ArrayList<>();
        for (LanguageLink l : langs) if (!l.current() && l.exists()) alternates.add(ogLocale(l.lang()));
        List<Views.PlatformOption> platforms = new ArrayList<>();
        for (org.goguides.checks.host.Platform p : tags.choices()) platforms.add(new Views.PlatformOption(p.name(), p.displayName(lang)));
        return new PageContext(lang, content.site().title(lang), t(lang), langs, "/" + lang + "/", "/" + lang + "/verification/",
                "/assets/", base + path, path, htmlLang(lang), assets, ogLocale(lang), alternates,
                assets.getOrDefault("search-" + lang + ".json", ""), platforms, "");
    }

    /** A snippet as shown, with its readers' status and one badge per host result. */
    public SnippetView snippet(Snippet s, String lang) {
        Map<String, String> t = t(lang);
        List<HostResult> rs = results.forKey(s.key());
        ReaderStatus status = StatusResolver.resolve(s, rs);
        List<BadgeView> badges = new ArrayList<>();
        FailureView failure = null;
        if (s.executable()) {
            for (HostResult r : rs) {
                boolean current = StatusResolver.current(s, r);
                String st = current ? r.result().status() : "stale";
                badges.add(badge(r, st, t));
                if (current && failure == null && (st.equals("failed") || st.equals("error"))) {
                    failure = new FailureView(r.run().host().key(), r.result().reason(), r.result().diff(), r.result().output());
                }
            }
        }
        List<String> applies = tags.of(s.requires());
        List<String> names = new ArrayList<>();
        for (String p : applies) names.add(content.platforms().get(p).map(x -> x.displayName(lang)).orElse(p));
        String platformsText = applies.size() == tags.choices().size() ? "" : String.join(" · ", names);
        String example = s.shown().example();
        boolean wholeTranscript = example != null && s.steps().size() > 0;
        String shownCode = wholeTranscript ? example : s.code();
        String expected = example != null && !wholeTranscript ? example : expectedText(s);
        String codeHtml = org.goguides.site.render.LineMarks.mark(highlighted(s.lang(), shownCode), s.shown().highlight());
        return new SnippetView(s.key(), s.id(), s.lang(), status.id(), Messages.text(t, "status." + status.id()),
                icon(status.id()), shownCode, commandsOf(s), expected, platformLabel(s, lang), s.skipReason(), badges, failure, s.executable(), t,
                codeHtml, String.join(" ", applies), platformsText,
                platformStatuses(s, applies, rs, lang), caption(s), example != null);
    }

    /** The file a {@code file=} block writes, as a reader names it: {@code ~/hello/main.go}, or {@code main.go} for {@code file=./main.go}. */
    static String caption(Snippet s) {
        if (s.file() == null) return "";
        return s.file().startsWith("./") ? s.file().substring(2) : "~/" + s.file();
    }

    /** For each platform the snippet applies to: its status there and a sentence saying so. */
    private List<Views.PlatformStatusView> platformStatuses(Snippet s, List<String> applies, List<HostResult> rs, String lang) {
        List<Views.PlatformStatusView> out = new ArrayList<>();
        for (String p : applies) {
            String st;
            if (!s.executable() || s.skipReason() != null) st = "display";
            else {
                boolean passed = false;
                boolean failed = false;
                boolean stale = false;
                for (HostResult r : rs) {
                    if (!p.equals(tags.ofHost(r.run().host()))) continue;
                    boolean current = StatusResolver.current(s, r);
                    String rst = r.result().status();
                    if (!current) stale = true;
                    else if (rst.equals("failed") || rst.equals("error")) failed = true;
                    else if (rst.equals("passed")) passed = true;
                }
                st = failed ? "failed" : passed ? "passed" : stale ? "stale" : "unverified";
            }
            String name = content.platforms().get(p).map(x -> x.displayName(lang)).orElse(p);
            out.add(new Views.PlatformStatusView(p, st, icon(st) + " " + Messages.text(t(lang), "pstatus." + st).replace("{platform}", name)));
        }
        return out;
    }

    /** Per picker platform: how the guide's steps that apply there stand on it. */
    public List<Views.PlatformSummaryView> platformSummaries(List<SnippetView> snippets, String lang) {
        List<Views.PlatformSummaryView> out = new ArrayList<>();
        for (org.goguides.checks.host.Platform p : tags.choices()) {
            Map<ReaderStatus, Integer> n = new EnumMap<>(ReaderStatus.class);
            int total = 0;
            for (SnippetView v : snippets) {
                for (Views.PlatformStatusView ps : v.platformStatuses()) {
                    if (!ps.platform().equals(p.name())) continue;
                    n.merge(ReaderStatus.valueOf(ps.status().toUpperCase(java.util.Locale.ROOT)), 1, Integer::sum);
                    total++;
                }
            }
            List<CountView> counts = new ArrayList<>();
            for (ReaderStatus st : ReaderStatus.values()) {
                counts.add(new CountView(st.id(), Messages.text(t(lang), "status." + st.id()), n.getOrDefault(st, 0)));
            }
            out.add(new Views.PlatformSummaryView(p.name(), Messages.text(t(lang), "summary.platform")
                    .replace("{platform}", p.displayName(lang)).replace("{n}", Integer.toString(total)), counts, total));
        }
        return out;
    }

    /** What each status means, in the page's language. */
    public List<Views.LegendEntry> legend(String lang) {
        List<Views.LegendEntry> out = new ArrayList<>();
        for (String st : List.of("passed", "failed", "stale", "unverified", "display")) {
            out.add(new Views.LegendEntry(st, Messages.text(t(lang), "status." + st), icon(st), Messages.text(t(lang), "legend." + st)));
        }
        return out;
    }

    private BadgeView badge(HostResult r, String status, Map<String, String> t) {
        HostRun run = r.run();
        SnippetResult res = r.result();
        String host = run.host().os() + "/" + run.host().arch() + (run.host().wsl() ? " WSL" : "")
                + (run.host().distro().isEmpty() ? "" : " · " + run.host().distro()) + (run.host().go().isEmpty() ? "" : " · " + run.host().go());
        // a result reused from an unchanged guide keeps the time it really ran
        String verifiedAt = res.ranAt().isEmpty() ? run.finished() : res.ranAt();
        String date = day(verifiedAt);
        boolean old = results.old(verifiedAt);
        String flaky = status.equals("stale") ? "" : results.flaky(run.host().key(), res.key(), res.hash())
                .map(n -> Messages.text(t, "badge.flaky").replace("{passed}", Integer.toString(n[0])).replace("{runs}", Integer.toString(n[1])))
                .orElse("");
        String label = icon(status) + " " + Messages.text(t, "status." + status) + (old ? " · " + Messages.text(t, "badge.old") : "");
        String reason = status.equals("stale") ? Messages.text(t, "badge.staleReason") : res.reason();
        String platform = tags.ofHost(run.host());
        return new BadgeView(run.host().key(), status, label, host, verifiedAt, date, reason, run.isolation(), platform == null ? "" : platform,
                old, flaky);
    }

    /** The date part ({@code 2026-11-21}) of an ISO-8601 instant, as badges and the overview show it. */
    public static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }

    static String icon(String status) {
        return switch (status) {
            case "passed" -> "✓";
            case "failed", "error" -> "✗";
            case "stale" -> "↻";
            case "skipped" -> "–";
            case "display" -> "◇";
            default -> "?";
        };
    }

    private static String expectedText(Snippet s) {
        return s.expected() == null ? null : s.expected().text();
    }

    private String platformLabel(Snippet s, String lang) {
        List<String> parts = new ArrayList<>();
        PlatformCatalog cat = content.platforms();
        for (String p : s.requires().platforms()) parts.add(cat.get(p).map(x -> x.displayName(lang)).orElse(p));
        if (!s.requires().os().isEmpty()) parts.add("os=" + String.join(",", s.requires().os()));
        if (!s.requires().arch().isEmpty()) parts.add("arch=" + String.join(",", s.requires().arch()));
        if (s.requires().minGo() != null) parts.add("go ≥ " + s.requires().minGo());
        if (s.requires().network()) parts.add(Messages.text(t(lang), "req.network"));
        if (s.requires().root()) parts.add(Messages.text(t(lang), "req.root"));
        return String.join(" · ", parts);
    }

    /** Counts per readers' status, in a fixed order, only the non-zero ones. */
    public List<CountView> counts(List<SnippetView> snippets, String lang) {
        Map<ReaderStatus, Integer> n = new EnumMap<>(ReaderStatus.class);
        for (SnippetView v : snippets) n.merge(ReaderStatus.valueOf(v.status().toUpperCase(java.util.Locale.ROOT)), 1, Integer::sum);
        List<CountView> out = new ArrayList<>();
        for (ReaderStatus st : ReaderStatus.values()) {
            out.add(new CountView(st.id(), Messages.text(t(lang), "status." + st.id()), n.getOrDefault(st, 0)));
        }
        return out;
    }

    public List<SnippetView> snippets(Guide g) {
        return g.snippets().stream().map(s -> snippet(s, g.locale())).toList();
    }

    /** Commands of a transcript without prompts or output, for the copy button. */
    public static String commandsOf(Snippet s) {
        if (s.steps().isEmpty()) return s.code();
        StringBuilder b = new StringBuilder();
        for (TranscriptStep st : s.steps()) b.append(st.command()).append('\n');
        return b.toString().stripTrailing();
    }
}
