package org.goguides.checks.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.goguides.checks.model.Snippet;
import org.goguides.checks.run.Isolation;

/**
 * A throwaway machine (a CI virtual machine that is deleted after the job): {@code root} steps run for
 * real on it, with no root layer, so that installers, Homebrew, Rosetta and {@code sysctl} are verified
 * as a reader runs them; every other step keeps the host's usual isolation. Only ever chosen explicitly
 * ({@code check --disposable-host} or {@code GOGUIDES_DISPOSABLE_HOST=1}); results record {@code disposable}.
 */
public final class DisposableHost implements Isolation {
    /** The environment variable that marks a disposable host ({@code 1} or {@code true}). */
    public static final String ENV = "GOGUIDES_DISPOSABLE_HOST";

    private final Isolation inner;
    private final Limiter limiter;

    /**
     * @param inner the isolation of ordinary steps (bubblewrap or none, with its limits)
     * @param limits the caps that also hold for {@code root} steps, which run outside {@code inner}
     */
    DisposableHost(Isolation inner, Limiter limiter) {
        this.inner = inner;
        this.limiter = limiter;
    }

    /** Whether {@code value} (of {@link #ENV}, or the option's) asks for a disposable host. */
    public static boolean requested(String value) {
        return value != null && (value.strip().equals("1") || value.strip().equalsIgnoreCase("true"));
    }

    @Override
    public String name() {
        return "disposable";
    }

    @Override
    public String describe() {
        return "disposable host: `root` steps change this machine for real (no root layer); other steps: " + inner.describe();
    }

    @Override
    public boolean rootLayer() {
        return true;
    }

    /** Ordinary steps run as the inner isolation's sandbox user; sessions with a {@code root} step as the runner. */
    @Override
    public int sandboxUid() {
        return inner.sandboxUid();
    }

    /**
     * A {@code root} step runs on the host itself, as the runner, under the limits; like every host-side
     * process its helpers are found by absolute path with a fixed environment, and only the step's shell
     * gets the session's environment and directory ({@code env -i -C}).
     */
    @Override
    public Wrapped wrap(List<String> command, Snippet snippet, Binds binds) throws IOException {
        if (!snippet.requires().root()) return inner.wrap(command, snippet, binds);
        if (binds.uid() >= 0) throw new IOException("a root step runs only in a session of the runner's own user");
        Wrapped out = limiter.limit(Isolation.withEnvironment(command, binds.cwd(), binds.env()));
        return new Wrapped() {
            @Override
            public List<String> command() {
                return out.command();
            }

            @Override
            public void started(ProcessHandle process) {
                out.started(process);
            }

            @Override
            public Optional<String> limitHit() {
                return out.limitHit();
            }

            @Override
            public void close() {
                out.close();
            }
        };
    }
}
