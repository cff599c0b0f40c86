package org.goguides.checks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

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
        for (ClassSelector sel : request.getSelectorsByType(ClassSelector.class)) {
            GuideSnippets marker = sel.getJavaClass().getAnnotation(GuideSnippets.class);
            if (marker == null) continue;
            SuiteDescriptor suite = new SuiteDescriptor(engineId.append("suite", sel.getClassName()), sel.getJavaClass());
            addGuides(suite, contentDir(cp, marker.value()), guides, cp, request, engineId);
            root.addChild(suite);
        }
        for (DirectorySelector sel : request.getSelectorsByType(DirectorySelector.class)) {
            addGuides(root, sel.getPath(), guides, cp, request, engineId);
        }
        for (UniqueIdSelector sel : request.getSelectorsByType(UniqueIdSelector.class)) {
            selectUniqueId(root, sel.getUniqueId(), guides, cp, request, engineId);
        }
        return root;
    }

    private static Path contentDir(ConfigurationParameters cp, String fallback) {
        return Path.of(cp.get(Constants.CONTENT).orElse(fallback));
    }

    private static Path displayBase(ConfigurationParameters cp) {
        return Path.of(cp.get(Constants.DISPLAY_BASE).orElse(System.getProperty("user.dir")));
    }

    private void addGuides(TestDescriptor parent, Path content, Set<String> slugs, ConfigurationParameters cp,
                           EngineDiscoveryRequest request, UniqueId engineId) {
        Content c = new ContentLoader(content, displayBase(cp)).withDependencies().load(slugs);
        for (Problem p : c.problems()) {
            Path file = displayBase(cp).resolve(p.pos().path());
            request.getDiscoveryListener().issueEncountered(engineId, DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, p.toString())
                    .source(FileSource.from(file.toFile(), FilePosition.from(p.pos().line()))).build());
        }
        List<Guide> run = TranslationDrift.toRun(c.guides());
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

    /** Builds the tree the id belongs to and keeps only the selected part of it. */
    private void selectUniqueId(RootDescriptor root, UniqueId id, Set<String> slugs, ConfigurationParameters cp,
                                EngineDiscoveryRequest request, UniqueId engineId) {
        if (!id.hasPrefix(engineId)) return;
        List<UniqueId.Segment> segs = id.getSegments();
        TestDescriptor parent = root;
        Path content = contentDir(cp, "content");
        if (segs.size() > 1 && segs.get(1).getType().equals("suite")) {
            String cls = segs.get(1).getValue();
            Optional<? extends TestDescriptor> existing = root.findByUniqueId(engineId.append("suite", cls));
            if (existing.isPresent()) return;
            try {
                Class<?> marker = Class.forName(cls, false, Thread.currentThread().getContextClassLoader());
                GuideSnippets a = marker.getAnnotation(GuideSnippets.class);
                if (a == null) return;
                content = contentDir(cp, a.value());
                SuiteDescriptor suite = new SuiteDescriptor(engineId.append("suite", cls), marker);
                root.addChild(suite);
                parent = suite;
            } catch (ClassNotFoundException e) {
                return;
            }
        }
        addGuides(parent, content, slugs, cp, request, engineId);
        prune(parent, id);
    }

    private static void prune(TestDescriptor node, UniqueId keep) {
        for (TestDescriptor child : new ArrayList<>(node.getChildren())) {
            UniqueId cid = child.getUniqueId();
            if (keep.hasPrefix(cid) && !keep.equals(cid)) prune(child, keep);
            else if (!cid.hasPrefix(keep)) node.removeChild(child);
        }
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
