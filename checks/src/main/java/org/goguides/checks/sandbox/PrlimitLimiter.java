package org.goguides.checks.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.goguides.checks.run.HostTools;
import org.goguides.checks.run.Isolation;

/**
 * The fallback where control groups cannot be made (not root): {@code prlimit} sets the address-space
 * and process-count limits of the command. The kernel then refuses allocations and forks instead of
 * stopping the command, so a hit shows as the command's own error, not as a named limit; and the
 * process count is per user, not per snippet. Better than nothing, and said so at the start of a run.
 */
final class PrlimitLimiter implements Limiter {
    private final Limits limits;

    PrlimitLimiter(Limits limits) {
        this.limits = limits;
    }

    @Override
    public Isolation.Wrapped limit(List<String> command) throws java.io.IOException {
        List<String> full = new ArrayList<>(HostTools.command("prlimit"));
        // Go reserves address space generously: give it four times the memory cap
        if (limits.memoryBytes() > 0) full.add("--as=" + limits.memoryBytes() * 4);
        if (limits.processes() > 0) full.add("--nproc=" + limits.processes());
        full.add("--");
        full.addAll(command);
        return Isolation.Wrapped.of(full);
    }

    @Override
    public String describe() {
        return "address space " + (limits.memoryBytes() * 4 >> 20) + " MiB, " + limits.processes()
                + " processes per user (prlimit; cgroups not writable, so hits are not named)";
    }
}
