package org.goguides.checks.engine;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.Guide;
import org.goguides.checks.run.Session;

/**
 * One guide translation as a container. Its snippets run in order on one thread and share the
 * guide's sessions; different guides run in parallel. Sessions are removed when the guide is done.
 */
final class GuideDescriptor extends AbstractTestDescriptor implements Node<GuidesExecutionContext> {
    private final Guide guide;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    /** What each step of this run came to, by id: "passed", or why it did not pass (for {@code after=}). */
    private final Map<String, String> outcomes = new java.util.concurrent.ConcurrentHashMap<>();

    private final PlatformCatalog catalog;
    private GuideDescriptor after;
    private boolean inSeries;
    private String blocked;
    private String cause; // why this guide's main session could not start, for the guides that build on it

    GuideDescriptor(UniqueId id, Guide guide, PlatformCatalog catalog) {
        super(id, guide.slug() + " (" + guide.locale() + ")", FileSource.from(guide.file().toFile()));
        this.guide = guide;
        this.catalog = catalog;
    }

    /** The platforms the guide was parsed with. */
    PlatformCatalog catalog() {
        return catalog;
    }

    /**
     * Makes this guide part of a series: it runs on its series' thread, after {@code after} (null for the
     * first guide), whose final main session it starts from; its sessions stay until the series ends.
     */
    void buildOn(GuideDescriptor after) {
        this.after = after;
        this.inSeries = true;
    }

    /** The guide of its series this one builds on ({@code after:}), or null. */
    GuideDescriptor builtOn() {
        return after;
    }

    /** Why this guide's main session cannot start (the guide it builds on failed or did not run), or null. */
    String blocked(GuidesExecutionContext ctx, String session) throws java.io.IOException {
        session(ctx, session);
        return session.equals(MAIN) ? blocked : null;
    }

    static final String MAIN = "main";

    /** The main session this guide ends with: its own, or for a guide with no step in it, the one it would have started from. */
    private Session finalMain() {
        Session s = sessions.get(MAIN);
        if (s != null || hasMainSteps() || after == null) return s;
        return after.finalMain();
    }

    /**
     * Why the state this guide ends with cannot be built on (it could not start, a step failed, or none ran on
     * this host), naming the guide where it happened; null when it can (an empty $HOME for a chain without steps).
     */
    private String failure() {
        if (cause != null) return cause;
        if (!hasMainSteps()) return after == null ? null : after.failure();
        Session s = sessions.get(MAIN);
        if (s == null) return guide.slug() + " ran no step on this host";
        return s.failedStep() == null ? null : guide.slug() + "'s step " + s.failedStep() + " failed";
    }

    private boolean hasMainSteps() {
        return guide.executable().stream().anyMatch(x -> x.session().equals(MAIN));
    }

    Guide guide() {
        return guide;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return inSeries ? ExecutionMode.SAME_THREAD : ExecutionMode.CONCURRENT;
    }

    /** The named session of this guide, created on first use. */
    Session session(GuidesExecutionContext ctx, String name) throws IOException {
        Session s = sessions.get(name);
        if (s == null) {
            String label = guide.slug() + "-" + guide.locale() + "-" + name;
            Session prior = null;
            if (after != null && name.equals(MAIN)) {
                cause = after.failure();
                if (cause != null) blocked = "this guide builds on " + after.guide.slug() + " (after:), but " + cause + "; fix that first";
                else prior = after.finalMain();
            }
            boolean withRoot = guide.snippets().stream().anyMatch(x -> x.session().equals(name) && x.requires().root());
            s = prior == null || blocked != null ? ctx.runner().newSession(label, withRoot, guide)
                    : ctx.runner().continueSession(label, prior, withRoot, guide);
            sessions.put(name, s);
        }
        return s;
    }

    /** Records what a step came to: null when it passed, else why not ("failed", "skipped: needs os=darwin; …"). */
    void outcome(String id, String notPassed) {
        outcomes.put(id, notPassed == null ? "" : notPassed);
    }

    /**
     * Empty when every step named by {@code after=} passed in this run, else the skip reason naming the first
     * that did not, and why.
     */
    java.util.Optional<String> unmetDependency(java.util.List<String> after) {
        for (String id : after) {
            String o = outcomes.get(id);
            if (o == null) o = "it did not run";
            if (!o.isEmpty()) return java.util.Optional.of("builds on " + id + " (after=" + id + "), which did not pass here: " + o);
        }
        return java.util.Optional.empty();
    }

    /** Removes the sessions (a guide of a series keeps them for the guides that build on it, see {@link SeriesDescriptor}). */
    @Override
    public void after(GuidesExecutionContext ctx) {
        if (!inSeries) deleteSessions();
    }

    void deleteSessions() {
        sessions.values().forEach(Session::delete);
        sessions.clear();
    }
}
