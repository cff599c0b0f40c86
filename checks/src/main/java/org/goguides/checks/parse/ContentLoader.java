package org.goguides.checks.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.goguides.checks.host.Platform;
import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.SiteConfig;

/**
 * Reads a content folder: {@code site.yml}, {@code platforms.yml} and
 * {@code guides/<slug>/index.<lang>.md}. Missing optional files fall back to built-in defaults,
 * so a bare folder of guides works. Problems are collected, never thrown.
 */
public final class ContentLoader {
    private static final Pattern GUIDE_FILE = Pattern.compile("index\\.([a-z]{2}(?:-[A-Za-z]{2,4})?)\\.md");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Path root;
    private final Path displayBase;

    /**
     * @param root the content folder
     * @param displayBase paths in messages are relative to this folder (usually the working directory)
     */
    public ContentLoader(Path root, Path displayBase) {
        this.root = root;
        this.displayBase = displayBase.toAbsolutePath().normalize();
    }

    private Content settings;

    /** Uses the site and platform settings of an earlier {@link #loadSettings()} instead of reading them again (their problems are not repeated). */
    public ContentLoader withSettings(Content settings) {
        this.settings = settings;
        return this;
    }

    /** {@code site.yml} and {@code platforms.yml} only: a content without guides, with their problems. */
    public Content loadSettings() {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(Problem.at(display(root), 1, "content folder not found (pass --content DIR)"));
            return new Content(SiteConfig.DEFAULT, PlatformCatalog.builtIn(), List.of(), problems);
        }
        SiteConfig site = loadSite(problems);
        return new Content(site, loadPlatforms(problems), List.of(), problems);
    }

    private boolean dependencies;

    /**
     * Loads, with the chosen guides, the guides they build on ({@code after:}), since a run needs their
     * final state; {@code check} and {@code lint} use it, a site build's partial loads do not.
     */
    public ContentLoader withDependencies() {
        this.dependencies = true;
        return this;
    }

    public Content load() {
        return load(List.of());
    }

    /** Loads only the guides whose slug is in {@code slugs} (all when empty). */
    public Content load(Collection<String> slugs) {
        Content c = loadOnly(slugs);
        if (!dependencies || slugs.isEmpty()) return c;
        java.util.Set<String> needed = Series.withDependencies(Series.afterBySlug(c.guides()), slugs);
        needed.removeIf(s -> !Files.isDirectory(root.resolve("guides").resolve(s))); // a missing one is reported below
        return needed.size() > new java.util.HashSet<>(slugs).size() ? load(needed) : c;
    }

    private Content loadOnly(Collection<String> slugs) {
        if (!Files.isDirectory(root)) return loadSettings(); // which says the folder is missing
        return load(GuideFiles.list(root.resolve("guides"), slugs), slugs, false, false).content();
    }

    /**
     * Loads the guides of files already listed ({@link GuideFiles#list}), the chosen slugs among them (all when
     * empty), as {@link #load(Collection)} does.
     */
    public Content load(GuideFiles files, Collection<String> slugs) {
        return parse(files, slugs).content();
    }

    /**
     * As {@link #load(GuideFiles, Collection)}, each guide with the tree it was read from ({@link ParsedGuide}),
     * for a caller that renders the guides: then no guide is parsed twice.
     */
    public ParsedContent parse(GuideFiles files, Collection<String> slugs) {
        if (!Files.isDirectory(root)) return new ParsedContent(loadSettings(), List.of());
        return load(files.only(slugs), slugs, false, true);
    }

    /**
     * Loads one part of a listing that several loaders share: the problems of these files only, with neither
     * a check that chosen guides exist nor the checks across guides (the caller makes them on the whole).
     */
    public Content loadPart(GuideFiles part) {
        return load(part, List.of(), true, false).content();
    }

    /** As {@link #loadPart(GuideFiles)}, each guide with the tree it was read from, for a caller that renders them. */
    public ParsedContent parsePart(GuideFiles part) {
        return load(part, List.of(), true, true);
    }

    /** @param trees whether to hand out each guide's tree, else it is garbage as soon as the guide is read */
    private ParsedContent load(GuideFiles listed, Collection<String> slugs, boolean part, boolean trees) {
        Content base = settings != null ? settings : loadSettings();
        List<Problem> problems = new ArrayList<>(settings != null ? List.of() : base.problems());
        SiteConfig site = base.site();
        PlatformCatalog platforms = base.platforms();
        GuideParser parser = new GuideParser(platforms);
        List<Guide> guides = new ArrayList<>();
        List<ParsedGuide> parsed = new ArrayList<>();
        Path guidesDir = listed.dir();
        listed.unlisted().forEach((dir, why) -> problems.add(Problem.at(display(dir), 1, "cannot list guides: " + why)));
        List<Path> files = listed.files();
        for (Path f : files) {
            String shown = display(f);
            String lang = guideLanguage(guidesDir, f);
            if (lang == null) {
                problems.add(Problem.at(shown, 1, "not a guide file name (guides are guides/<slug>/index.<lang>.md)"));
                continue;
            }
            String slug = guidesDir.relativize(f).getName(0).toString();
            if (!slugs.isEmpty() && !slugs.contains(slug)) continue;
            if (!SLUG.matcher(slug).matches()) {
                problems.add(Problem.at(shown, 1, "invalid guide folder name \"" + slug + "\" (lower-case letters, digits and -)"));
                continue;
            }
            if (!site.languages().contains(lang)) {
                problems.add(Problem.at(shown, 1, "language \"" + lang + "\" is not one of the site's languages ("
                        + String.join(", ", site.languages()) + "; set languages in site.yml)"));
                continue;
            }
            ParsedGuide p = parser.read(f, shown, slug, lang, problems);
            guides.add(p.guide());
            if (trees) parsed.add(p);
        }
        for (String s : slugs) {
            if (guides.stream().noneMatch(g -> g.slug().equals(s))) {
                problems.add(Problem.unknownSlug(display(guidesDir.resolve(s)), s));
            }
        }
        if (!part && (slugs.isEmpty() || dependencies)) problems.addAll(Series.problems(guides));
        Collections.sort(problems);
        return new ParsedContent(new Content(site, platforms, guides, problems), parsed);
    }

    /**
     * The front matter of a guide file read on its own, problems ignored (the full load reports them): for
     * what every page needs to know of all guides before any is rendered (titles, order, drafts, series).
     * Only the header is read and decoded (the first 4 KB when it closes within them), with the same line ends and
     * byte-order mark handling as the full load.
     */
    public static org.goguides.checks.model.FrontMatter peekFrontMatter(Path file) throws IOException {
        return FrontMatterParser.parse(FrontMatterParser.header(file), PlatformCatalog.builtIn(), (line, message) -> { });
    }

    /** The language of a guide file ({@code guides/<slug>/index.<lang>.md} below {@code guidesDir}), or null if it is none. */
    public static String guideLanguage(Path guidesDir, Path file) {
        Matcher m = GUIDE_FILE.matcher(file.getFileName().toString());
        return guidesDir.relativize(file).getNameCount() == 2 && m.matches() ? m.group(1) : null;
    }

    private String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String s = abs.startsWith(displayBase) ? displayBase.relativize(abs).toString() : abs.toString();
        return s.isEmpty() ? "." : s.replace('\\', '/');
    }

    private Map<?, ?> readYaml(Path file, List<Problem> problems) {
        if (!Files.isRegularFile(file)) return null;
        try {
            TextFile.Text t = TextFile.read(file);
            Object o = t.text().isBlank() ? Map.of() : YamlText.read(t.text());
            if (o instanceof Map<?, ?> m) return m;
            problems.add(Problem.at(display(file), 1, "expected YAML keys and values"));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            problems.add(Problem.at(display(file), line, "invalid YAML: " + e.getOriginalMessage().split("\n")[0]));
        } catch (IOException e) {
            problems.add(Problem.at(display(file), 1, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    private SiteConfig loadSite(List<Problem> problems) {
        Path file = root.resolve("site.yml");
        Map<?, ?> m = readYaml(file, problems);
        if (m == null) return Files.exists(file) ? SiteConfig.DEFAULT : fromGuides();
        SiteConfig d = SiteConfig.DEFAULT;
        List<String> known = List.of("title", "languages", "defaultLanguage", "baseUrl", "repoUrl");
        for (Object k : m.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                problems.add(Problem.at(display(file), 1, "unknown key \"" + k + "\" (" + Suggest.didYouMean(String.valueOf(k), known)
                        + "allowed: " + String.join(", ", known) + ")"));
            }
        }
        List<String> languages = m.get("languages") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : d.languages();
        Map<String, String> title = new LinkedHashMap<>(d.title());
        if (m.get("title") instanceof Map<?, ?> t) t.forEach((k, v) -> title.put(String.valueOf(k), String.valueOf(v)));
        else if (m.get("title") != null) languages.forEach(l -> title.put(l, String.valueOf(m.get("title"))));
        String text = readQuietly(file);
        List<String> safe = new ArrayList<>();
        for (String l : languages) {
            // a language names folders of the site (out/<lang>/…) and files (search/<lang>.json): only a language code
            if (LANGUAGE.matcher(l).matches()) safe.add(l);
            else problems.add(Problem.at(display(file), keyLine(text, "languages"), "language \"" + SafeUrl.visible(l)
                    + "\" is not a language code (two lower-case letters, optionally -REGION: zh, en, pt-BR); it names folders of the site"));
        }
        if (safe.isEmpty()) safe = d.languages();
        languages = safe;
        String def = m.get("defaultLanguage") != null ? String.valueOf(m.get("defaultLanguage")) : languages.get(0);
        if (!languages.contains(def)) {
            problems.add(Problem.at(display(file), keyLine(text, "defaultLanguage"), "defaultLanguage \"" + SafeUrl.visible(def) + "\" is not in languages " + languages));
            def = languages.get(0);
        }
        String baseUrl = str(m.get("baseUrl"));
        String repoUrl = str(m.get("repoUrl"));
        for (String key : List.of("baseUrl", "repoUrl")) {
            String url = key.equals("baseUrl") ? baseUrl : repoUrl;
            if (url.isEmpty()) continue;
            String scheme = SafeUrl.unsafeScheme(url);
            boolean web = url.strip().toLowerCase(java.util.Locale.ROOT).matches("https?://[^\\s]+");
            if (scheme != null || !web) {
                problems.add(Problem.at(display(file), keyLine(text, key), key + " \"" + SafeUrl.visible(url)
                        + "\" is not an http or https URL (pages link to it)"));
                if (key.equals("baseUrl")) baseUrl = "";
                else repoUrl = "";
            }
        }
        return new SiteConfig(title, languages, def, baseUrl, repoUrl);
    }

    /** Language codes, as in guide file names ({@code index.zh.md}). */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(?:-[A-Za-z]{2,4})?");

    private static String readQuietly(Path file) {
        try {
            return TextFile.read(file).text();
        } catch (IOException e) {
            return "";
        }
    }

    /** The 1-based line where a top-level key of a YAML file is set, 1 if it is not found. */
    static int keyLine(String yaml, String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].startsWith(key + ":")) return i + 1;
        return 1;
    }

    /**
     * Without {@code site.yml}: the languages the guides are written in, the default one being the language most
     * guides have (ties in the built-in order, zh then en), so an English-only site does not open on an empty Chinese page.
     */
    private SiteConfig fromGuides() {
        Map<String, Integer> count = new java.util.HashMap<>();
        Path guidesDir = root.resolve("guides");
        if (Files.isDirectory(guidesDir)) {
            try (Stream<Path> st = Files.walk(guidesDir, 2)) {
                st.filter(Files::isRegularFile).map(f -> guideLanguage(guidesDir, f)).filter(java.util.Objects::nonNull)
                        .forEach(l -> count.merge(l, 1, Integer::sum));
            } catch (IOException e) {
                // listed again, with the problem, when the guides are loaded
            }
        }
        if (count.isEmpty()) return SiteConfig.DEFAULT;
        List<String> builtIn = SiteConfig.DEFAULT.languages();
        java.util.Comparator<String> order = java.util.Comparator.<String>comparingInt(l -> -count.get(l))
                .thenComparingInt(l -> builtIn.contains(l) ? builtIn.indexOf(l) : builtIn.size()).thenComparing(l -> l);
        List<String> languages = count.keySet().stream().sorted(order).toList();
        return new SiteConfig(SiteConfig.DEFAULT.title(), languages, languages.get(0), "", "");
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private PlatformCatalog loadPlatforms(List<Problem> problems) {
        Path file = root.resolve("platforms.yml");
        Map<?, ?> m = readYaml(file, problems);
        if (m == null) return PlatformCatalog.builtIn();
        List<Platform> extra = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> spec)) {
                problems.add(Problem.at(display(file), 1, "platform \"" + name + "\" needs when: and names: maps"));
                continue;
            }
            Map<String, String> when = new LinkedHashMap<>();
            if (spec.get("when") instanceof Map<?, ?> w) {
                w.forEach((k, v) -> {
                    if (!Platform.FACT_KEYS.contains(String.valueOf(k))) {
                        problems.add(Problem.at(display(file), 1, "platform \"" + name + "\": unknown fact \"" + k
                                + "\" (known: os, arch, wsl, distro)"));
                    } else {
                        when.put(String.valueOf(k), String.valueOf(v));
                    }
                });
            }
            Map<String, String> names = new LinkedHashMap<>();
            if (spec.get("names") instanceof Map<?, ?> n) n.forEach((k, v) -> names.put(String.valueOf(k), String.valueOf(v)));
            extra.add(new Platform(name, when, names));
        }
        return PlatformCatalog.withOverrides(extra);
    }
}
