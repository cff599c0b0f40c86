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

    private final PlatformCatalog catalog;

    GuideDescriptor(UniqueId id, Guide guide, PlatformCatalog catalog) {
        super(id, guide.slug() + " (" + guide.locale() + ")", FileSource.from(guide.file().toFile()));
        this.guide = guide;
        this.catalog = catalog;
    }

    /** The platforms the guide was parsed with. */
    PlatformCatalog catalog() {
        return catalog;
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
        return ExecutionMode.CONCURRENT;
    }

    /** The named session of this guide, created on first use. */
    Session session(GuidesExecutionContext ctx, String name) throws IOException {
        Session s = sessions.get(name);
        if (s == null) {
            s = ctx.runner().newSession(guide.slug() + "-" + guide.locale() + "-" + name);
            sessions.put(name, s);
        }
        return s;
    }

    @Override
    public void after(GuidesExecutionContext ctx) {
        sessions.values().forEach(Session::delete);
        sessions.clear();
    }
}
