package org.goguides.checks.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The marker class as a container. Surefire keeps only the tests under a descriptor whose
 * {@link ClassSource} names a class it scanned, so the guides hang below this one.
 */
final class SuiteDescriptor extends AbstractTestDescriptor implements Node<GuidesExecutionContext> {
    SuiteDescriptor(UniqueId id, Class<?> marker) {
        super(id, marker.getSimpleName(), ClassSource.from(marker));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return ((ClassSource) getSource().orElseThrow()).getClassName();
    }
}
