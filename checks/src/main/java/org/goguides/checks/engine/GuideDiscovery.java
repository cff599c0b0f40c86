package org.goguides.checks.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.TranslationDrift;

/**
 * Turns a discovery request into the engine's tests: one container per guide translation (in a series
 * container when guides build on each other), one test per executable snippet. It takes a marker class
 * annotated {@link GuideSnippets} (Surefire), and the JUnit Platform's selectors an IDE or the Console
 * Launcher sends: a content folder or a folder in one, a guide file, a guide file with a line (the step
 * there), unique ids (see {@link Selection}); a selected step or guide keeps what it builds on
 * ({@link Dependencies}). Authoring errors and selectors it cannot use are discovery issues with their
 * file and line.
 */
final class GuideDiscovery {
    private final EngineDiscoveryRequest request;
    private final UniqueId engineId;
    private final ConfigurationParameters cp;
    private final DiscoveryIssueReporter issues;
    /** The {@code goguides.guides} parameter: the only slugs to run (all when empty). */
    private final Set<String> only;

    GuideDiscovery(EngineDiscoveryRequest request, UniqueId engineId) {
        this.request = request;
        this.engineId = engineId;
        this.cp = request.getConfigurationParameters();
        this.issues = DiscoveryIssueReporter.deduplicating(DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), engineId));
        this.only = cp.get(Constants.GUIDES).map(v -> Set.of(v.split(","))).orElse(Set.of());
    }

    /** The engine's tests for the request's selectors. */
    GuidesTestEngine.RootDescriptor discover() {
        GuidesTestEngine.RootDescriptor root = new GuidesTestEngine.RootDescriptor(engineId);
        for (ClassSelector sel : request.getSelectorsByType(ClassSelector.class)) {
            GuideSnippets marker = sel.getJavaClass().getAnnotation(GuideSnippets.class);
            if (marker == null) continue;
            SuiteDescriptor suite = new SuiteDescriptor(engineId.append("suite", sel.getClassName()), sel.getJavaClass());
            addGuides(suite, contentDir(marker.value()), only, Set.of());
            root.addChild(suite);
        }
        Map<Path, Selection> selections = new LinkedHashMap<>();
        request.getSelectorsByType(DirectorySelector.class).forEach(sel -> directory(sel.getPath(), selections));
        request.getSelectorsByType(FileSelector.class).forEach(sel -> file(sel, selections));
        Map<String, List<UniqueId>> inSuites = new LinkedHashMap<>();
        for (UniqueIdSelector sel : request.getSelectorsByType(UniqueIdSelector.class)) {
            UniqueId id = sel.getUniqueId();
            if (!id.hasPrefix(engineId)) continue;
            if (id.getSegments().size() > 1 && id.getSegments().get(1).getType().equals("suite")) {
                inSuites.computeIfAbsent(id.getSegments().get(1).getValue(), k -> new ArrayList<>()).add(id);
            } else {
                selections.computeIfAbsent(contentDir("content").toAbsolutePath().normalize(), Selection::new).ids.add(id);
            }
        }
        inSuites.forEach((marker, ids) -> selectInSuite(root, marker, ids));
        selections.values().forEach(s -> select(root, s));
        return root;
    }

    /** A directory selector: every guide of a content folder, or one guide; an issue when it is neither. */
    private void directory(Path dir, Map<Path, Selection> selections) {
        Optional<Selection.Scope> scope = Selection.ofDirectory(dir);
        if (scope.isEmpty()) {
            boolean exists = Files.isDirectory(dir);
            issue(exists ? DiscoveryIssue.Severity.WARNING : DiscoveryIssue.Severity.ERROR, shown(dir) + ": " + (exists
                    ? "not a content folder, nor in one (a content folder has guides/<slug>/index.<lang>.md); no guides run from it"
                    : "no such folder"), dir, 0);
            return;
        }
        Selection s = selections.computeIfAbsent(scope.get().content(), Selection::new);
        if (scope.get().slug() == null) s.all = true;
        else s.slugs.add(scope.get().slug());
    }

    /** A file selector: a guide translation, or with a line one step of it; other Markdown is an issue, other files another engine's. */
    private void file(FileSelector sel, Map<Path, Selection> selections) {
        if (!sel.getRawPath().endsWith(".md")) return;
        Integer line = sel.getPosition().map(org.junit.platform.engine.discovery.FilePosition::getLine).orElse(null);
        if (!Files.isRegularFile(sel.getPath())) {
            issue(DiscoveryIssue.Severity.ERROR, shown(sel.getPath()) + ": no such guide file", sel.getPath(), 0);
            return;
        }
        Optional<Selection.File> file = Selection.ofFile(sel.getPath(), line);
        if (file.isEmpty()) {
            issue(DiscoveryIssue.Severity.WARNING, shown(sel.getPath()) + ": not a guide file (guides are "
                    + "<content>/guides/<slug>/index.<lang>.md); nothing runs from it", sel.getPath(), 0);
            return;
        }
        Path content = file.get().path().getParent().getParent().getParent();
        selections.computeIfAbsent(content, Selection::new).files.add(file.get());
    }

    /** Builds the tests of one content folder under {@code parent} and keeps what {@code s} asks for. */
    private void select(TestDescriptor parent, Selection s) {
        Set<String> slugs = s.slugsToLoad(only);
        if (slugs == null) return; // what was asked for is not among the guides to run
        Set<TestDescriptor> before = Set.copyOf(parent.getChildren());
        Content c = addGuides(parent, s.content, slugs, s.preferredFiles());
        if (s.all) return;
        List<TestDescriptor> added = parent.getChildren().stream().filter(d -> !before.contains(d)).map(TestDescriptor.class::cast).toList();
        List<GuideDescriptor> made = added.stream().flatMap(d -> Stream.concat(Stream.of(d), d.getDescendants().stream()))
                .filter(GuideDescriptor.class::isInstance).map(GuideDescriptor.class::cast).toList();
        List<TestDescriptor> targets = new ArrayList<>();
        for (String slug : s.slugs) made.stream().filter(g -> g.guide().slug().equals(slug)).forEach(targets::add);
        for (Selection.File f : s.files) {
            if (only.isEmpty() || only.contains(f.slug())) target(f, made, c).ifPresent(targets::add);
        }
        for (UniqueId id : s.ids) {
            Optional<? extends TestDescriptor> d = added.stream().map(a -> a.getUniqueId().equals(id) ? Optional.of(a) : a.findByUniqueId(id))
                    .flatMap(Optional::stream).findFirst();
            if (d.isPresent()) targets.add(d.get());
            else issue(DiscoveryIssue.Severity.ERROR, "no guide or step with unique id " + id + " in " + shown(s.content)
                    + " (ids are [engine:goguides]/[guide:<slug>@<lang>]/[snippet:<id>], with [series:…] for guides that build on each other)", s.content, 0);
        }
        Set<TestDescriptor> keep = Dependencies.withDependencies(targets);
        for (TestDescriptor d : added) {
            if (keep.contains(d)) continue;
            if (d.getDescendants().stream().anyMatch(keep::contains)) Dependencies.prune(d, keep);
            else parent.removeChild(d);
        }
    }

    /**
     * The test a guide file (with a line: the step there) stands for among the guides {@code made}; empty,
     * with an issue on the line, when the line is in no step.
     */
    private Optional<TestDescriptor> target(Selection.File f, List<GuideDescriptor> made, Content c) {
        Optional<GuideDescriptor> g = made.stream().filter(d -> d.guide().file().toAbsolutePath().normalize().equals(f.path())).findFirst();
        String at = shown(f.path()) + ":" + f.line() + ": no step at this line ";
        if (g.isEmpty()) {
            // a file with authoring errors was reported with them; one without steps has nothing to run
            boolean reported = c.problems().stream().anyMatch(p -> displayBase().resolve(p.pos().path()).normalize().equals(f.path()));
            boolean noSteps = c.guides().stream().anyMatch(x -> x.file().toAbsolutePath().normalize().equals(f.path()) && x.executable().isEmpty());
            if (!reported && noSteps && f.line() != null) issue(DiscoveryIssue.Severity.ERROR, at + "(the guide has no executable step)", f.path(), f.line());
            return Optional.empty();
        }
        if (f.line() == null) return Optional.of(g.get());
        Optional<Snippet> step = StepLines.at(g.get().guide(), f.line());
        if (step.isEmpty()) {
            String starts = String.join(", ", StepLines.spans(g.get().guide()).stream().map(x -> String.valueOf(x.first())).toList());
            issue(DiscoveryIssue.Severity.ERROR, at + "(steps start at line" + (starts.contains(",") ? "s " : " ") + starts + ")", f.path(), f.line());
            return Optional.empty();
        }
        return g.get().getChildren().stream().filter(d -> ((SnippetDescriptor) d).snippet() == step.get()).map(TestDescriptor.class::cast).findFirst();
    }

    /** Reports a problem of discovery on its file (and line, when above 0) or folder. */
    private void issue(DiscoveryIssue.Severity severity, String message, Path file, int line) {
        issues.reportIssue(DiscoveryIssue.builder(severity, message).source(line > 0
                ? FileSource.from(file.toFile(), FilePosition.from(line)) : Files.isDirectory(file)
                ? DirectorySource.from(file.toFile()) : FileSource.from(file.toFile())));
    }

    /** A path as messages show it: relative to the display base when below it. */
    private String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path base = displayBase().toAbsolutePath().normalize();
        return (abs.startsWith(base) && !abs.equals(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** The content folder: the {@code goguides.content} parameter, else {@code fallback}. */
    private Path contentDir(String fallback) {
        return Path.of(cp.get(Constants.CONTENT).orElse(fallback));
    }

    /** The folder paths in names and messages are relative to. */
    private Path displayBase() {
        return Path.of(cp.get(Constants.DISPLAY_BASE).orElse(System.getProperty("user.dir")));
    }

    /**
     * Adds the tests of the guides in {@code content} ({@code slugs}, all when empty, with those they build on);
     * a translation in {@code preferred} runs even when it has the same steps as another (its twin would run
     * for it otherwise). Authoring errors become discovery issues on their file and line.
     */
    private Content addGuides(TestDescriptor parent, Path content, Set<String> slugs, Set<Path> preferred) {
        Content c = new ContentLoader(content, displayBase()).withDependencies().load(slugs);
        for (Problem p : c.problems()) {
            issue(DiscoveryIssue.Severity.ERROR, p.toString(), displayBase().resolve(p.pos().path()), p.pos().line());
        }
        List<Guide> run = runs(c.guides(), preferred);
        Map<Guide, Guide> after = new java.util.LinkedHashMap<>();
        for (Guide g : run) dependency(run, g).ifPresent(d -> after.put(g, d));
        Set<Guide> placed = new java.util.HashSet<>();
        for (Guide g : run) {
            if (placed.contains(g) || after.containsKey(g)) continue;
            List<Guide> chain = chain(g, after);
            placed.addAll(chain);
            if (chain.size() == 1) {
                GuideDescriptor gd = guide(parent.getUniqueId(), g, c);
                if (!gd.getChildren().isEmpty()) parent.addChild(gd);
                continue;
            }
            SeriesDescriptor sd = new SeriesDescriptor(parent.getUniqueId().append("series", g.slug() + "@" + g.locale()),
                    g.slug() + " (" + g.locale() + ")");
            Map<Guide, GuideDescriptor> made = new HashMap<>();
            for (Guide m : chain) {
                GuideDescriptor gd = guide(sd.getUniqueId(), m, c);
                gd.buildOn(made.get(after.get(m)));
                made.put(m, gd);
                sd.addChild(gd); // kept even without steps of its own: later guides start from its state
            }
            parent.addChild(sd);
        }
        return c;
    }

    /** The translations that run ({@link TranslationDrift#toRun}), the preferred ones first among twins, in file order. */
    private static List<Guide> runs(List<Guide> guides, Set<Path> preferred) {
        if (preferred.isEmpty()) return TranslationDrift.toRun(guides);
        List<Guide> first = new ArrayList<>(guides);
        first.sort(java.util.Comparator.comparing(g -> !preferred.contains(g.file().toAbsolutePath().normalize())));
        Set<Guide> run = new java.util.HashSet<>(TranslationDrift.toRun(first));
        return guides.stream().filter(run::contains).toList();
    }

    private static GuideDescriptor guide(UniqueId parent, Guide g, Content c) {
        GuideDescriptor gd = new GuideDescriptor(parent.append("guide", g.slug() + "@" + g.locale()), g, c.platforms());
        for (Snippet s : g.executable()) {
            gd.addChild(new SnippetDescriptor(gd.getUniqueId().append("snippet", s.id()), s, gd));
        }
        return gd;
    }

    /** The guide {@code g} builds on among those that run: the same translation, else the one that runs for it. */
    private static Optional<Guide> dependency(List<Guide> run, Guide g) {
        String slug = g.meta().after();
        if (slug.isEmpty()) return Optional.empty();
        return run.stream().filter(d -> d.slug().equals(slug) && d.locale().equals(g.locale())).findFirst()
                .or(() -> run.stream().filter(d -> d.slug().equals(slug)).findFirst());
    }

    /** {@code first} and every guide that builds on it, each after the guide it builds on. */
    private static List<Guide> chain(Guide first, Map<Guide, Guide> after) {
        List<Guide> out = new ArrayList<>(List.of(first));
        for (int i = 0; i < out.size(); i++) {
            Guide cur = out.get(i);
            after.entrySet().stream().filter(e -> e.getValue() == cur && !out.contains(e.getKey()))
                    .map(Map.Entry::getKey).forEach(out::add);
        }
        return out;
    }

    /** Unique ids under a marker class: builds the suite's tests and keeps the selected parts and what they build on. */
    private void selectInSuite(GuidesTestEngine.RootDescriptor root, String markerClass, List<UniqueId> ids) {
        UniqueId suiteId = root.getUniqueId().append("suite", markerClass);
        if (root.findByUniqueId(suiteId).isPresent()) return; // the marker class was selected as a whole
        Class<?> marker;
        try {
            marker = Class.forName(markerClass, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            return; // not one of ours to run here
        }
        GuideSnippets a = marker.getAnnotation(GuideSnippets.class);
        if (a == null) return;
        SuiteDescriptor suite = new SuiteDescriptor(suiteId, marker);
        root.addChild(suite);
        addGuides(suite, contentDir(a.value()), only, Set.of());
        List<TestDescriptor> targets = new ArrayList<>();
        for (UniqueId id : ids) {
            Optional<? extends TestDescriptor> target = root.findByUniqueId(id);
            if (target.isPresent()) targets.add(target.get());
            else issue(DiscoveryIssue.Severity.ERROR, "no guide or step with unique id " + id, contentDir(a.value()), 0);
        }
        if (targets.contains(suite)) return;
        Dependencies.prune(suite, Dependencies.withDependencies(targets));
    }
}
