package org.goguides.checks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

import org.goguides.checks.host.HostFacts;
import org.goguides.checks.host.HostProbe;
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
 * one container per guide translation, one test per snippet. {@link GuideDiscovery} builds the tests
 * from a marker class annotated {@link GuideSnippets} (Surefire), a content folder (the {@code check}
 * command), a guide file, a line of one (a step), or unique ids; authoring errors become discovery
 * issues with their file and line. Here the run is set up: host facts, sandbox, runner.
 */
public final class GuidesTestEngine extends HierarchicalTestEngine<GuidesExecutionContext> {

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId engineId) {
        return new GuideDiscovery(request, engineId).discover();
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
        long disk = cp.get(Constants.DISK_LIMIT).map(v -> Limits.parseSize(v).orElseThrow(() -> new IllegalArgumentException(
                Constants.DISK_LIMIT + "=" + v + ": not a size (bytes, or a number with k, m or g; 0 for no bound)"))).orElse(RunnerSettings.DEFAULT_DISK_BYTES);
        SnippetRunner runner = new SnippetRunner(new RunnerSettings(work, cache, cap, RunnerSettings.DEFAULT_STORED_OUTPUT, isolation, goBin, shell, disk));
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
        // no file larger than the session's disk bound (RLIMIT_FSIZE, kernel-enforced; the bound itself is walked)
        long file = cp.get(Constants.DISK_LIMIT).flatMap(Limits::parseSize).orElse(org.goguides.checks.run.RunnerSettings.DEFAULT_DISK_BYTES);
        Isolation isolation = Sandboxes.choose(cp.get(Constants.SANDBOX).orElse("auto"), new Limits(memory, processes, file));
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
