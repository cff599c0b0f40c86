package org.goguides.checks.engine;

import java.io.IOException;
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
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

import org.goguides.checks.host.HostFacts;
import org.goguides.checks.host.HostProbe;
import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.checks.parse.TranslationDrift;
import org.goguides.checks.run.Isolation;
import org.goguides.checks.sandbox.DisposableHost;
import org.goguides.checks.sandbox.Limits;
import org.goguides.checks.sandbox.Sandboxes;
import org.goguides.checks.run.GoToolchains;
import org.goguides.checks.run.RunnerSettings;
import org.goguides.checks.run.Trees;
import org.goguides.checks.run.SnippetRunner;

/**
 * The JUnit Platform engine that turns every executable snippet of the guides into a test:
 * one container per guide translation, one test per snippet. It accepts a marker class annotated
 * {@link GuideSnippets} (Surefire, IDEs), a content directory (the {@code check} command) and unique
 * ids (re-running one snippet). Authoring errors become discovery issues with their file and line.
 */
public final class GuidesTestEngine extends HierarchicalTestEngine<GuidesExecutionContext> {

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId engineId) {
        ConfigurationParameters cp = request.getConfigurationParameters();
        RootDescriptor root = new RootDescriptor(engineId);
        Set<String> guides = cp.get(Constants.GUIDES).map(v -> Set.of(v.split(","))).orElse(Set.of());
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), engineId));
        for (ClassSelector sel : request.getSelectorsByType(ClassSelector.class)) {
            GuideSnippets marker = sel.getJavaClass().getAnnotation(GuideSnippets.class);
            if (marker == null) continue;
            SuiteDescriptor suite = new SuiteDescriptor(engineId.append("suite", sel.getClassName()), sel.getJavaClass());
            addGuides(suite, contentDir(cp, marker.value()), guides, Set.of(), cp, issues);
            root.addChild(suite);
        }
        Map<Path, Selection> selections = new LinkedHashMap<>();
        for (DirectorySelector sel : request.getSelectorsByType(DirectorySelector.class)) {
            Optional<Selection.Scope> scope = Selection.ofDirectory(sel.getPath());
            if (scope.isEmpty()) {
                issue(issues, Files.isDirectory(sel.getPath()) ? DiscoveryIssue.Severity.WARNING : DiscoveryIssue.Severity.ERROR,
                        shown(cp, sel.getPath()) + ": " + (Files.isDirectory(sel.getPath()) ? "not a content folder, nor in one (a content "
                                + "folder has guides/<slug>/index.<lang>.md); no guides run from it" : "no such folder"), sel.getPath(), 0);
                continue;
            }
            Selection s = selections.computeIfAbsent(scope.get().content(), Selection::new);
            if (scope.get().slug() == null) s.all = true;
            else s.slugs.add(scope.get().slug());
        }
        for (FileSelector sel : request.getSelectorsByType(FileSelector.class)) {
            if (!sel.getRawPath().endsWith(".md")) continue; // not Markdown: another engine's file
            Integer line = sel.getPosition().map(org.junit.platform.engine.discovery.FilePosition::getLine).orElse(null);
            if (!Files.isRegularFile(sel.getPath())) {
                issue(issues, DiscoveryIssue.Severity.ERROR, shown(cp, sel.getPath()) + ": no such guide file", sel.getPath(), 0);
                continue;
            }
            Optional<Selection.File> file = Selection.ofFile(sel.getPath(), line);
            if (file.isEmpty()) {
                issue(issues, DiscoveryIssue.Severity.WARNING, shown(cp, sel.getPath()) + ": not a guide file (guides are "
                        + "<content>/guides/<slug>/index.<lang>.md); nothing runs from it", sel.getPath(), 0);
                continue;
            }
            Path content = file.get().path().getParent().getParent().getParent();
            selections.computeIfAbsent(content, Selection::new).files.add(file.get());
        }
        Map<String, List<UniqueId>> inSuites = new LinkedHashMap<>();
        for (UniqueIdSelector sel : request.getSelectorsByType(UniqueIdSelector.class)) {
            UniqueId id = sel.getUniqueId();
            if (!id.hasPrefix(engineId)) continue;
            if (id.getSegments().size() > 1 && id.getSegments().get(1).getType().equals("suite")) {
                inSuites.computeIfAbsent(id.getSegments().get(1).getValue(), k -> new ArrayList<>()).add(id);
            } else {
                selections.computeIfAbsent(contentDir(cp, "content").toAbsolutePath().normalize(), Selection::new).ids.add(id);
            }
        }
        inSuites.forEach((marker, ids) -> selectInSuite(root, marker, ids, guides, cp, issues));
        selections.values().forEach(s -> select(root, s, guides, cp, issues));
        return root;
    }

    /** Builds the tests of one content folder under {@code parent} and keeps what {@code s} asks for. */
    private void select(TestDescriptor parent, Selection s, Set<String> only, ConfigurationParameters cp, DiscoveryIssueReporter issues) {
        Set<String> slugs = s.slugsToLoad(only);
        if (slugs == null) return; // what was asked for is not among the guides to run
        Set<TestDescriptor> before = Set.copyOf(parent.getChildren());
        Content c = addGuides(parent, s.content, slugs, s.preferredFiles(), cp, issues);
        if (s.all) return;
        List<TestDescriptor> added = parent.getChildren().stream().filter(d -> !before.contains(d)).map(TestDescriptor.class::cast).toList();
        List<GuideDescriptor> made = added.stream().flatMap(d -> java.util.stream.Stream.concat(Stream.of(d), d.getDescendants().stream()))
                .filter(GuideDescriptor.class::isInstance).map(GuideDescriptor.class::cast).toList();
        List<TestDescriptor> targets = new ArrayList<>();
        for (String slug : s.slugs) made.stream().filter(g -> g.guide().slug().equals(slug)).forEach(targets::add);
        for (Selection.File f : s.files) {
            if (!only.isEmpty() && !only.contains(f.slug())) continue;
            Optional<GuideDescriptor> g = made.stream().filter(d -> d.guide().file().toAbsolutePath().normalize().equals(f.path())).findFirst();
            String shown = shown(cp, f.path());
            if (g.isEmpty()) {
                // a file with authoring errors was reported with them; one without steps has nothing to run
                boolean reported = c.problems().stream().anyMatch(p -> displayBase(cp).resolve(p.pos().path()).normalize().equals(f.path()));
                boolean noSteps = c.guides().stream().anyMatch(x -> x.file().toAbsolutePath().normalize().equals(f.path()) && x.executable().isEmpty());
                if (!reported && noSteps && f.line() != null) {
                    issue(issues, DiscoveryIssue.Severity.ERROR, shown + ":" + f.line() + ": no step at this line (the guide has no executable step)", f.path(), f.line());
                }
                continue;
            }
            if (f.line() == null) {
                targets.add(g.get());
                continue;
            }
            Optional<Snippet> step = StepLines.at(g.get().guide(), f.line());
            if (step.isEmpty()) {
                String starts = String.join(", ", StepLines.spans(g.get().guide()).stream().map(x -> String.valueOf(x.first())).toList());
                issue(issues, DiscoveryIssue.Severity.ERROR, shown + ":" + f.line() + ": no step at this line (steps start at line"
                        + (starts.contains(",") ? "s " : " ") + starts + ")", f.path(), f.line());
                continue;
            }
            g.get().getChildren().stream().filter(d -> ((SnippetDescriptor) d).snippet() == step.get()).forEach(targets::add);
        }
        for (UniqueId id : s.ids) {
            Optional<? extends TestDescriptor> d = added.stream().map(a -> a.getUniqueId().equals(id) ? Optional.of(a) : a.findByUniqueId(id))
                    .flatMap(Optional::stream).findFirst();
            if (d.isPresent()) targets.add(d.get());
            else issue(issues, DiscoveryIssue.Severity.ERROR, "no guide or step with unique id " + id + " in " + shown(cp, s.content)
                    + " (ids are [engine:goguides]/[guide:<slug>@<lang>]/[snippet:<id>], with [series:…] for guides that build on each other)", s.content, 0);
        }
        Set<TestDescriptor> keep = Dependencies.withDependencies(targets);
        for (TestDescriptor d : added) {
            if (keep.contains(d)) continue;
            if (d.getDescendants().stream().anyMatch(keep::contains)) Dependencies.prune(d, keep);
            else parent.removeChild(d);
        }
    }

    private static void issue(DiscoveryIssueReporter issues, DiscoveryIssue.Severity severity, String message, Path file, int line) {
        issues.reportIssue(DiscoveryIssue.builder(severity, message).source(line > 0
                ? FileSource.from(file.toFile(), FilePosition.from(line)) : Files.isDirectory(file)
                ? org.junit.platform.engine.support.descriptor.DirectorySource.from(file.toFile()) : FileSource.from(file.toFile())));
    }

    /** A path as messages show it: relative to the display base when below it. */
    private static String shown(ConfigurationParameters cp, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path base = displayBase(cp).toAbsolutePath().normalize();
        return (abs.startsWith(base) && !abs.equals(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static Path contentDir(ConfigurationParameters cp, String fallback) {
        return Path.of(cp.get(Constants.CONTENT).orElse(fallback));
    }

    private static Path displayBase(ConfigurationParameters cp) {
        return Path.of(cp.get(Constants.DISPLAY_BASE).orElse(System.getProperty("user.dir")));
    }

    /**
     * Adds the tests of the guides in {@code content} ({@code slugs}, all when empty, with those they build on);
     * a translation in {@code preferred} runs even when it has the same steps as another (its twin would run
     * for it otherwise). Authoring errors become discovery issues on their file and line.
     */
    private Content addGuides(TestDescriptor parent, Path content, Set<String> slugs, Set<Path> preferred, ConfigurationParameters cp,
                              DiscoveryIssueReporter issues) {
        Content c = new ContentLoader(content, displayBase(cp)).withDependencies().load(slugs);
        for (Problem p : c.problems()) {
            issue(issues, DiscoveryIssue.Severity.ERROR, p.toString(), displayBase(cp).resolve(p.pos().path()), p.pos().line());
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
    private void selectInSuite(RootDescriptor root, String markerClass, List<UniqueId> ids, Set<String> slugs, ConfigurationParameters cp,
                               DiscoveryIssueReporter issues) {
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
        addGuides(suite, contentDir(cp, a.value()), slugs, Set.of(), cp, issues);
        List<TestDescriptor> targets = new ArrayList<>();
        for (UniqueId id : ids) {
            Optional<? extends TestDescriptor> target = root.findByUniqueId(id);
            if (target.isPresent()) targets.add(target.get());
            else issue(issues, DiscoveryIssue.Severity.ERROR, "no guide or step with unique id " + id, contentDir(cp, a.value()), 0);
        }
        if (targets.contains(suite)) return;
        Dependencies.prune(suite, Dependencies.withDependencies(targets));
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        ConfigurationParameters cp = request.getConfigurationParameters();
        if (!cp.getBoolean(Constants.PARALLEL).orElse(true)) return new SameThreadHierarchicalTestExecutorService();
        return new ForkJoinPoolHierarchicalTestExecutorService(new ParallelismConfiguration(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    protected GuidesExecutionContext createExecutionContext(ExecutionRequest request) {
        ConfigurationParameters cp = request.getConfigurationParameters();
        Map<String, String> overrides = new HashMap<>();
        for (String k : HostFacts.NAMES) {
            cp.get(Constants.HOST_PREFIX + k).ifPresent(v -> overrides.put(k, v));
        }
        boolean offline = cp.getBoolean(Constants.OFFLINE).orElse(false);
        HostFacts host = HostProbe.probe(overrides, !offline);
        Isolation isolation = isolation(cp);
        String shell = cp.get(Constants.CONSOLE_SHELL).map(String::strip).filter(v -> !v.equals("auto")).orElse(RunnerSettings.readerShell(host.os()));
        if (!org.goguides.checks.model.StepOptions.SHELLS.contains(shell)) {
            throw new IllegalArgumentException(Constants.CONSOLE_SHELL + "=" + shell + ": unknown shell (allowed: auto, "
                    + String.join(", ", org.goguides.checks.model.StepOptions.SHELLS) + ")");
        }
        Path cache = cp.get(Constants.CACHE_DIR).map(Path::of).orElse(RunnerSettings.defaultCacheDir());
        int cap = cp.get(Constants.OUTPUT_CAP).map(Integer::parseInt).orElse(RunnerSettings.DEFAULT_OUTPUT_CAP);
        Path work;
        try {
            work = cp.get(Constants.WORK_DIR).map(Path::of).orElse(null);
            work = work == null ? Files.createTempDirectory("goguides-") : Files.createDirectories(work);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a work directory for sessions: " + e.getMessage(), e);
        }
        ((RootDescriptor) request.getRootTestDescriptor()).workRoot = work;
        Path goBin = null;
        String go = cp.get(Constants.GO_VERSION).orElse("local");
        if (!go.equals("local")) {
            try {
                goBin = GoToolchains.fetch(go, cache);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            host = host.withGo(go);
        }
        SnippetRunner runner = new SnippetRunner(new RunnerSettings(work, cache, cap, RunnerSettings.DEFAULT_STORED_OUTPUT, isolation, goBin, shell));
        Applicability rules = new Applicability(host, platformsOf(request.getRootTestDescriptor()), HostProbe::onPath, offline,
                isolation.rootLayer(), isolation.noRootLayerReason())
                .interop(Applicability.interopProblem(host, System.getenv(SnippetRunner.INTEROP_VARIABLE), Files.isDirectory(org.goguides.checks.sandbox.BwrapIsolation.wslRunDir())));
        ResultRecorder recorder = new ResultRecorder(cp.get(Constants.RESULTS_DIR).map(Path::of).orElse(null), host, isolation.name(),
                isolation.describe(), request.getEngineExecutionListener(), request.getRootTestDescriptor());
        return new GuidesExecutionContext(host, rules, runner, recorder);
    }

    /** The sandbox and limits the configuration asks for; says so on stderr when snippets run without a sandbox. */
    private static Isolation isolation(ConfigurationParameters cp) {
        long memory = cp.get(Constants.MEMORY_LIMIT).map(v -> Limits.parseSize(v).orElseThrow(() -> new IllegalArgumentException(
                Constants.MEMORY_LIMIT + "=" + v + ": not a size (bytes, or a number with k, m or g; 0 for no cap)"))).orElse(Limits.DEFAULT.memoryBytes());
        int processes = cp.get(Constants.PROCESS_LIMIT).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Constants.PROCESS_LIMIT + "=" + v + ": not a number (0 for no cap)");
            }
        }).orElse(Limits.DEFAULT.processes());
        Isolation isolation = Sandboxes.choose(cp.get(Constants.SANDBOX).orElse("auto"), new Limits(memory, processes));
        boolean disposable = cp.getBoolean(Constants.DISPOSABLE_HOST).orElse(false) || DisposableHost.requested(System.getenv(DisposableHost.ENV));
        if (disposable) {
            isolation = Sandboxes.disposable(isolation, new Limits(memory, processes));
        }
        if (!isolation.name().equals("bwrap")) System.err.println("goguides: " + isolation.describe());
        return isolation;
    }

    /** The platform catalog the guides were parsed with (the built-in one when there are no guides). */
    private static org.goguides.checks.host.PlatformCatalog platformsOf(TestDescriptor root) {
        return root.getDescendants().stream().filter(GuideDescriptor.class::isInstance).map(d -> ((GuideDescriptor) d).catalog())
                .findFirst().orElse(org.goguides.checks.host.PlatformCatalog.builtIn());
    }

    /** The engine's root; removes the session work folder when the run ends. */
    static final class RootDescriptor extends EngineDescriptor implements Node<GuidesExecutionContext> {
        volatile Path workRoot;

        RootDescriptor(UniqueId id) {
            super(id, "Go guides");
        }

        @Override
        public GuidesExecutionContext before(GuidesExecutionContext ctx) {
            ctx.recorder().started();
            return ctx;
        }

        @Override
        public void after(GuidesExecutionContext ctx) {
            try {
                ctx.recorder().finished();
            } finally {
                Trees.deleteQuietly(workRoot);
            }
        }
    }
}
