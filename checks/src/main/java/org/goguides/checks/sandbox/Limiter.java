package org.goguides.checks.sandbox;

import java.io.IOException;
import java.util.List;

import org.goguides.checks.run.Isolation;

/**
 * Puts one command under the memory and process caps and tells afterwards which cap it hit.
 * Implementations: control groups (exact, names the limit) or {@code prlimit} (a fallback).
 */
interface Limiter {
    /** Wraps {@code command}; the caller closes the result when the process has ended. */
    Isolation.Wrapped limit(List<String> command) throws IOException;

    /**
     * The command that sets the limits from inside the sandbox's own user namespace ({@code prlimit … --}, see
     * {@link PrlimitLimiter}), which the sandbox places where that namespace exists and no snippet can change the
     * binary; null when the limiter needs no such step.
     */
    default List<String> launcher() throws IOException {
        return null;
    }

    /** A few words for the start of a run: {@code memory 2048 MiB, 1024 processes (cgroup v1)}. */
    String describe();

    /** No memory or process cap, by configuration: only the timeout and the output cap apply. */
    Limiter OFF = unlimited("no memory or process cap (turned off: goguides.limit.memory=0, goguides.limit.processes=0)");

    /** No memory or process cap, because this host offers no way to set one. */
    Limiter NONE = unlimited("no memory or process cap (neither writable cgroups nor prlimit here)");

    private static Limiter unlimited(String why) {
        return new Limiter() {
            @Override
            public Isolation.Wrapped limit(List<String> command) {
                return Isolation.Wrapped.of(command);
            }

            @Override
            public String describe() {
                return why;
            }
        };
    }
}
