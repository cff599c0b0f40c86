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
    private final ReadingOrder order;

    /**
     * @param settings the site and platform settings (its guides are not read)
     * @param translations {@link #translationKey} of every guide translation the site has, for the language links
     * @param assets plain asset name (e.g. {@code site.css}, {@code search-en.json}) to its URL (fingerprinted for static assets)
     */
    public ViewFactory(Content settings, java.util.Set<String> translations, ResultIndex results, Map<String, Map<String, String>> messages,
                       Map<String, String> assets) {
        this(settings, translations, results, messages, assets, new ReadingOrder(List.of()));
    }

    /** @param order the guides of each language in reading order, for the sidebar and previous / next links */
    public ViewFactory(Content settings, java.util.Set<String> translations, ResultIndex results, Map<String, Map<String, String>> messages,
                       Map<String, String> assets, ReadingOrder order) {
        this.order = order;
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
            html = Highlighter.html(lang, code);
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

    public Map<String, String> t(String lang) {
        return messages.get(lang);
    }

    /** The URL of a language's home page. */
    public static String indexUrl(String lang) {
        return "/" + lang + "/";
    }

    /** The URL of a guide translation's page. */
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

    /** The sidebar of a guide page. */
    public List<Views.NavGroup> nav(String lang, String slug) {
        return order.nav(lang, slug);
    }

    /** The guide before (-1) or after (+1) in reading order, or null. */
    public Views.NavItem neighbour(String lang, String slug, int step) {
        return order.neighbour(lang, slug, step);
    }

    /**
     * The table of contents as a tree: level-2 headings numbered 1, 2, 3…, level-3 headings under them
     * numbered 2.1, 2.2…, so numbers never skip; a level-3 heading before any level-2 one stays top-level.
     */
    public static List<Views.TocEntry> tocTree(List<Views.TocEntry> flat) {
        List<Views.TocEntry> out = new ArrayList<>();
        List<Views.TocEntry> children = null;
        Views.TocEntry parent = null;
        int n2 = 0;
        int n3 = 0;
        for (Views.TocEntry e : flat) {
            if (e.level() <= 2 || parent == null) {
                if (parent != null) out.set(out.size() - 1, withChildren(parent, children));
                n2++;
                n3 = 0;
                parent = new Views.TocEntry(e.id(), e.text(), 2, Integer.toString(n2), List.of());
                children = new ArrayList<>();
                out.add(parent);
            } else {
                n3++;
                children.add(new Views.TocEntry(e.id(), e.text(), 3, n2 + "." + n3, List.of()));
            }
        }
        if (parent != null) out.set(out.size() - 1, withChildren(parent, children));
        return out;
    }

    private static Views.TocEntry withChildren(Views.TocEntry p, List<Views.TocEntry> children) {
        return new Views.TocEntry(p.id(), p.text(), p.level(), p.number(), List.copyOf(children));
    }

    /**
     * A snippet as shown: its readers' status, a status per platform it applies to, a badge per host that
     * could run it (a host of a platform the step is not for is left out rather than listed as "not run"),
     * what the verifying hosts really printed where the expected output is a pattern, and the variables it
     * takes from earlier steps.
     */
    public SnippetView snippet(Snippet s, String lang, List<Views.DependencyView> dependencies) {
        Map<String, String> t = t(lang);
        List<HostResult> rs = results.forKey(s.key());
        List<Verification.Seen> seen = new ArrayList<>();
        for (HostResult r : rs) seen.add(Verification.seen(s, r.result()));
        ReaderStatus status = Verification.readerStatus(Verification.runnable(s), seen);
        List<String> applies = tags.of(s.requires());
        List<BadgeView> badges = new ArrayList<>();
        FailureView failure = null;
        if (s.executable()) {
            for (int i = 0; i < rs.size(); i++) {
                HostResult r = rs.get(i);
                HostStatus st = Verification.hostStatus(seen.get(i));
                if (!Verification.badgeShown(st, tags.ofHost(r.run().host()), applies)) continue;
                badges.add(badge(r, st, t, lang));
                if (failure == null && Verification.explainsFailure(seen.get(i))) {
                    failure = new FailureView(hostLabel(r.run().host(), lang), r.result().reason(), r.result().diff(), r.result().output());
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (String p : applies) names.add(content.platforms().get(p).map(x -> x.displayName(lang)).orElse(p));
        String platformsText = applies.size() == tags.choices().size() ? "" : String.join(" · ", names);
        String example = s.shown().example();
        boolean wholeTranscript = example != null && s.steps().size() > 0;
        String shownCode = wholeTranscript ? example : s.code();
        String expected = example != null && !wholeTranscript ? example : expectedText(s);
        String anyText = Messages.text(t, "pattern.anyText");
        String anyLines = Messages.text(t, "pattern.anyLines");
        boolean transcript = !s.steps().isEmpty();
        boolean pattern = OutputPatterns.hasWildcards(transcript ? s.code() : expectedText(s));
        // what a host really printed comes first; else the guide's example output; else the pattern, its wildcards spelled out
        List<Views.OutputView> outputs = pattern ? outputs(s, rs, lang, transcript) : List.of();
        String codeHtml = LineMarks.mark(highlighted(s.lang(), shownCode), s.shown().highlight());
        if (transcript && pattern && !wholeTranscript) codeHtml = OutputPatterns.markWildcards(codeHtml, anyText, anyLines);
        String patternHtml = !pattern ? "" : transcript
                ? OutputPatterns.markWildcards(highlighted(s.lang(), s.code()), anyText, anyLines)
                : OutputPatterns.markWildcards(Highlighter.escape(expectedText(s)), anyText, anyLines);
        List<String> outputPlatforms = new ArrayList<>();
        for (Views.OutputView o : outputs) outputPlatforms.add(o.platform());
        String hostsSummary = badges.isEmpty() ? "" : Messages.text(t, badges.size() == 1 ? "snippet.hosts.one" : "snippet.hosts")
                .replace("{n}", Integer.toString(badges.size()));
        return new SnippetView(s.key(), s.id(), s.lang(), status.id(), Messages.text(t, "status." + status.id()),
                status.icon(), shownCode, commandsOf(s), expected, platformLabel(s, lang), s.skipReason(), badges, failure, s.executable(), t,
                codeHtml, String.join(" ", applies), platformsText,
                platformStatuses(s, applies, rs, lang), caption(s), example != null, outputs, String.join(" ", outputPlatforms), patternHtml,
                dependencies, hostsSummary);
    }

    /** The file a {@code file=} block writes, as a reader names it: {@code ~/hello/main.go}, or {@code main.go} for {@code file=./main.go}. */
    static String caption(Snippet s) {
        if (s.file() == null) return "";
        return s.file().startsWith("./") ? s.file().substring(2) : "~/" + s.file();
    }

    /**
     * What hosts printed for a step that passed there with its current text: one per platform, in the
     * picker's order; a transcript is highlighted like the step itself.
     */
    private List<Views.OutputView> outputs(Snippet s, List<HostResult> rs, String lang, boolean transcript) {
        Map<String, Views.OutputView> byPlatform = new java.util.LinkedHashMap<>();
        for (org.goguides.checks.host.Platform p : tags.choices()) {
            for (HostResult r : rs) {
                if (!p.name().equals(tags.ofHost(r.run().host())) || !Verification.showsOutput(Verification.seen(s, r.result()))) continue;
                String out = r.result().output();
                if (out == null || out.isBlank() || byPlatform.containsKey(p.name())) continue;
                String html = transcript ? highlighted(s.lang(), out.stripTrailing())
                        : Highlighter.escape(out.stripTrailing());
                String at = day(r.result().ranAt().isEmpty() ? r.run().finished() : r.result().ranAt());
                byPlatform.put(p.name(), new Views.OutputView(p.name(), Messages.text(t(lang), transcript ? "snippet.printedTranscript" : "snippet.printed")
                        .replace("{host}", hostLabel(r.run().host(), lang)).replace("{date}", at), html));
            }
        }
        return List.copyOf(byPlatform.values());
    }

    /**
     * A host in the reader's terms: the picker's name of its platform, its system and Go,
     * "macOS 14.5 (Apple Silicon) · go1.26.8", "WSL 2 · Ubuntu 24.04 · go1.26.8", "Linux · Debian 12 · go1.26.8".
     */
    public String hostLabel(org.goguides.checks.results.HostInfo h, String lang) {
        String platform = tags.ofHost(h);
        String name = platform == null ? h.os() + "/" + h.arch()
                : content.platforms().get(platform).map(x -> x.displayName(lang)).orElse(platform);
        String distro = h.distro() == null ? "" : h.distro().strip();
        List<String> parts = new ArrayList<>();
        if (h.os().equals("darwin")) {
            String version = distro.toLowerCase(java.util.Locale.ROOT).startsWith("macos") ? distro.substring(5).strip() : distro;
            parts.add(version.isEmpty() ? name : name.replaceFirst("^macOS", "macOS " + version));
        } else {
            parts.add(h.wsl() && h.wslVersion() > 0 && !name.matches(".*\\d.*") ? name + " " + h.wslVersion() : name);
            if (!distro.isEmpty()) parts.add(prettyDistro(distro));
        }
        if (h.go() != null && !h.go().isEmpty()) parts.add(h.go());
        return String.join(" · ", parts);
    }

    /** {@code debian 12} as "Debian 12", {@code ubuntu 24.04} as "Ubuntu 24.04". */
    static String prettyDistro(String distro) {
        String[] w = distro.split(" ", 2);
        String id = switch (w[0].toLowerCase(java.util.Locale.ROOT)) {
            case "opensuse-leap" -> "openSUSE Leap";
            case "rhel" -> "RHEL";
            case "almalinux" -> "AlmaLinux";
            case "rocky" -> "Rocky Linux";
            default -> w[0].isEmpty() ? w[0] : Character.toUpperCase(w[0].charAt(0)) + w[0].substring(1);
        };
        return w.length == 2 ? id + " " + w[1] : id;
    }

    /** For each platform the snippet applies to: its status there and a sentence saying so. */
    private List<Views.PlatformStatusView> platformStatuses(Snippet s, List<String> applies, List<HostResult> rs, String lang) {
        List<Views.PlatformStatusView> out = new ArrayList<>();
        for (String p : applies) {
            List<Verification.Seen> onPlatform = new ArrayList<>();
            for (HostResult r : rs) if (p.equals(tags.ofHost(r.run().host()))) onPlatform.add(Verification.seen(s, r.result()));
            ReaderStatus st = Verification.platformStatus(Verification.runnable(s), onPlatform);
            String name = content.platforms().get(p).map(x -> x.displayName(lang)).orElse(p);
            out.add(new Views.PlatformStatusView(p, st.id(), st.icon() + " " + Messages.text(t(lang), "pstatus." + st.id()).replace("{platform}", name)));
        }
        return out;
    }

    /** Per picker platform: how the guide's steps that apply there stand on it. */
    public List<Views.PlatformSummaryView> platformSummaries(List<SnippetView> snippets, String lang) {
        List<Views.PlatformSummaryView> out = new ArrayList<>();
        for (org.goguides.checks.host.Platform p : tags.choices()) {
            Map<ReaderStatus, Integer> n = new EnumMap<>(ReaderStatus.class);
            Map<ReaderStatus, String> first = new EnumMap<>(ReaderStatus.class);
            int total = 0;
            for (SnippetView v : snippets) {
                for (Views.PlatformStatusView ps : v.platformStatuses()) {
                    if (!ps.platform().equals(p.name())) continue;
                    ReaderStatus st = ReaderStatus.of(ps.status());
                    n.merge(st, 1, Integer::sum);
                    first.putIfAbsent(st, "#step-" + v.id());
                    total++;
                }
            }
            List<CountView> counts = new ArrayList<>();
            for (ReaderStatus st : ReaderStatus.values()) {
                counts.add(new CountView(st.id(), Messages.text(t(lang), "status." + st.id()), n.getOrDefault(st, 0), first.getOrDefault(st, "")));
            }
            out.add(new Views.PlatformSummaryView(p.name(), Messages.text(t(lang), "summary.platform")
                    .replace("{platform}", p.displayName(lang)).replace("{n}", Integer.toString(total)), counts, total));
        }
        return out;
    }

    /** What each status means, in the page's language. */
    public List<Views.LegendEntry> legend(String lang) {
        List<Views.LegendEntry> out = new ArrayList<>();
        for (ReaderStatus rs : List.of(ReaderStatus.PASSED, ReaderStatus.FAILED, ReaderStatus.STALE, ReaderStatus.UNVERIFIED, ReaderStatus.DISPLAY)) {
            String st = rs.id();
            out.add(new Views.LegendEntry(st, Messages.text(t(lang), "status." + st), rs.icon(), Messages.text(t(lang), "legend." + st)));
        }
        return out;
    }

    private BadgeView badge(HostResult r, HostStatus status, Map<String, String> t, String lang) {
        HostRun run = r.run();
        SnippetResult res = r.result();
        String host = hostLabel(run.host(), lang);
        // a result reused from an unchanged guide keeps the time it really ran
        String verifiedAt = res.ranAt().isEmpty() ? run.finished() : res.ranAt();
        String date = day(verifiedAt);
        boolean old = results.old(verifiedAt);
        String flaky = status == HostStatus.STALE ? "" : results.flaky(run.host().key(), res.key(), res.hash())
                .map(n -> Messages.text(t, "badge.flaky").replace("{passed}", Integer.toString(n.passed())).replace("{runs}", Integer.toString(n.runs())))
                .orElse("");
        String label = status.icon() + " " + Messages.text(t, "status." + status.id()) + (old ? " · " + Messages.text(t, "badge.old") : "");
        String reason = status == HostStatus.STALE ? Messages.text(t, "badge.staleReason") : res.reason();
        String platform = tags.ofHost(run.host());
        return new BadgeView(run.host().key(), status.id(), label, host, verifiedAt, date, reason, run.isolation(), platform == null ? "" : platform,
                old, flaky);
    }

    /** The date part ({@code 2026-11-21}) of an ISO-8601 instant, as badges and the overview show it. */
    public static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
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
        Map<ReaderStatus, String> first = new EnumMap<>(ReaderStatus.class);
        for (SnippetView v : snippets) {
            ReaderStatus st = ReaderStatus.of(v.status());
            n.merge(st, 1, Integer::sum);
            first.putIfAbsent(st, "#step-" + v.id());
        }
        List<CountView> out = new ArrayList<>();
        for (ReaderStatus st : ReaderStatus.values()) {
            out.add(new CountView(st.id(), Messages.text(t(lang), "status." + st.id()), n.getOrDefault(st, 0), first.getOrDefault(st, "")));
        }
        return out;
    }

    /** Every snippet of a guide, each with the variables it takes from earlier steps. */
    public List<SnippetView> snippets(Guide g) {
        Map<String, List<Views.DependencyView>> deps = StepDependencies.of(g);
        return g.snippets().stream().map(s -> snippet(s, g.locale(), deps.getOrDefault(s.id(), List.of()))).toList();
    }

    /** Commands of a transcript without prompts or output, for the copy button. */
    public static String commandsOf(Snippet s) {
        if (s.steps().isEmpty()) return s.code();
        StringBuilder b = new StringBuilder();
        for (TranscriptStep st : s.steps()) b.append(st.command()).append('\n');
        return b.toString().stripTrailing();
    }
}
