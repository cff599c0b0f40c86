package org.goguides.checks.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * Guides that build on each other ({@code after:}) as one container: they run one after the other on
 * one thread, each starting from the final state of the guide it names, so the chain is checked once.
 * Different series and single guides still run in parallel. Sessions are removed when the series ends.
 */
final class SeriesDescriptor extends AbstractTestDescriptor implements Node<GuidesExecutionContext> {
    SeriesDescriptor(UniqueId id, String name) {
        super(id, "series " + name);
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }

    @Override
    public void after(GuidesExecutionContext ctx) {
        for (var child : getChildren()) if (child instanceof GuideDescriptor g) g.deleteSessions();
    }
}
