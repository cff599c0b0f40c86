package org.goguides.checks.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.goguides.checks.model.Snippet;
import org.goguides.checks.run.Isolation;

/**
 * An isolation with the memory and process caps of a {@link Limiter} around every command. The caps
 * are outermost, so the sandbox's own helper processes count too, and hold with or without a sandbox.
 */
final class LimitedIsolation implements Isolation {
    private final Isolation inner;
    private final Limiter limiter;

    LimitedIsolation(Isolation inner, Limiter limiter) {
        this.inner = inner;
        this.limiter = limiter;
    }

    Isolation inner() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String describe() {
        return inner.describe() + "; limits: " + limiter.describe();
    }

    @Override
    public boolean rootLayer() {
        return inner.rootLayer();
    }

    @Override
    public int sandboxUid() {
        return inner.sandboxUid();
    }

    @Override
    public int sessionUid(boolean withRoot) {
        return inner.sessionUid(withRoot);
    }

    @Override
    public String noRootLayerReason() {
        return inner.noRootLayerReason();
    }

    @Override
    public Wrapped wrap(List<String> command, Snippet snippet, Binds binds) throws IOException {
        List<String> launcher = limiter.launcher();
        Wrapped in = launcher != null && inner instanceof BwrapIsolation b ? b.wrap(command, snippet, binds, launcher)
                : inner.wrap(command, snippet, binds);
        Wrapped out;
        try {
            out = limiter.limit(in.command());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new Wrapped() {
            @Override
            public List<String> command() {
                return out.command();
            }

            @Override
            public boolean containsProcesses() {
                return in.containsProcesses();
            }

            @Override
            public void started(ProcessHandle process) {
                out.started(process);
            }

            @Override
            public Optional<String> limitHit() {
                Optional<String> hit = out.limitHit();
                return hit.isPresent() ? hit : in.limitHit();
            }

            @Override
            public void close() {
                out.close();
                in.close();
            }
        };
    }
}
