package org.goguides.checks.engine;

import java.util.Optional;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

import org.goguides.checks.model.Snippet;
import org.goguides.checks.results.Status;
import org.goguides.checks.run.OutputText;
import org.goguides.checks.run.RunOutcome;
import org.goguides.checks.run.Session;

/**
 * One snippet as a test, named {@code slug › id (path:line)}. It is skipped with a reason when the
 * host does not match its selectors, a step it names with {@code after=} did not pass, or an earlier step of
 * its session failed; otherwise it runs,
 * and a failure carries the whole report as its message.
 */
final class SnippetDescriptor extends AbstractTestDescriptor implements Node<GuidesExecutionContext> {
    private final Snippet snippet;
    private final GuideDescriptor guide;

    SnippetDescriptor(UniqueId id, Snippet snippet, GuideDescriptor guide) {
        super(id, snippet.guide() + " › " + snippet.id() + " (" + snippet.pos() + ")",
                FileSource.from(guide.guide().file().toFile(), FilePosition.from(snippet.pos().line())));
        this.snippet = snippet;
        this.guide = guide;
    }

    /** What this snippet came to in the run under way; null until it has run. */
    private volatile RunOutcome outcome;

    /** The step this test runs. */
    Snippet snippet() {
        return snippet;
    }

    /** The guide translation it belongs to. */
    GuideDescriptor guide() {
        return guide;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    /** Snippets of a guide build on each other: they run in order, on their guide's thread. */
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    @Override
    public String getLegacyReportingName() {
        return getDisplayName();
    }

    @Override
    public SkipResult shouldBeSkipped(GuidesExecutionContext ctx) throws Exception {
        outcome = null;
        Optional<String> why = ctx.applicability().skipReason(snippet);
        if (why.isEmpty()) why = guide.unmetDependency(snippet.options().after());
        if (why.isEmpty()) why = Optional.ofNullable(guide.blocked(ctx, snippet.session()));
        if (why.isEmpty()) {
            Session s = guide.session(ctx, snippet.session());
            if (s.failedStep() != null) {
                why = Optional.of("an earlier step of this session failed (" + s.failedStep() + "); later steps depend on it");
            }
        }
        if (why.isPresent()) {
            guide.outcome(snippet.id(), "skipped (" + why.get() + ")");
            return SkipResult.skip(why.get());
        }
        return SkipResult.doNotSkip();
    }

    /** Records the skip with its reason. */
    @Override
    public void nodeSkipped(GuidesExecutionContext ctx, org.junit.platform.engine.TestDescriptor d, SkipResult result) {
        ctx.recorder().record(snippet, RunOutcome.skipped(result.getReason().orElse("skipped")));
    }

    /** Records what the snippet came to; when it ended before giving an outcome, the error that ended it. */
    @Override
    public void nodeFinished(GuidesExecutionContext ctx, org.junit.platform.engine.TestDescriptor d, org.junit.platform.engine.TestExecutionResult result) {
        RunOutcome o = outcome;
        if (o == null) o = RunOutcome.error(result.getThrowable().map(Throwable::toString).orElse("the engine gave no outcome"), 0);
        ctx.recorder().record(snippet, o);
    }

    @Override
    public GuidesExecutionContext execute(GuidesExecutionContext ctx, DynamicTestExecutor dynamic) throws Exception {
        Session session = guide.session(ctx, snippet.session());
        RunOutcome o = ctx.runner().run(snippet, session);
        outcome = o;
        guide.outcome(snippet.id(), o.status() == Status.PASSED ? null : o.status().id());
        if (o.status() == Status.PASSED) return ctx;
        session.markFailed(snippet.id());
        StringBuilder msg = new StringBuilder(snippet.pos().toString()).append(": ").append(o.reason());
        if (!o.diff().isEmpty()) msg.append('\n').append(OutputText.headLines(o.diff(), 40));
        else if (!o.output().isEmpty()) msg.append("\n--- output ---\n").append(OutputText.headLines(o.output(), 20));
        if (o.status() == Status.ERROR) throw new SnippetError(msg.toString());
        throw new SnippetFailure(msg.toString());
    }
}
