package org.goguides.checks.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.goguides.checks.run.HostTools;
import org.goguides.checks.run.Isolation;

/**
 * The fallback where control groups cannot be made (not root): {@code prlimit} sets the address-space and
 * process-count limits of the command, inside the sandbox when there is one. The kernel counts RLIMIT_NPROC per
 * user and user namespace (since Linux 5.14), and checks each namespace level against the limit its creator
 * had: set on the host, the limit would count every process of the runner's user (the JVM's threads, other
 * sandboxes) and bubblewrap could not even make its namespaces; set inside the sandbox's own user namespace,
 * after bubblewrap made it with the runner's ordinary limit, it counts the sandbox's processes alone. The
 * kernel then refuses allocations and forks instead of stopping the command, so a hit shows as the command's
 * own error, not as a named limit. Without a sandbox there is no namespace of its own: the count is the user's.
 * The address space is per process, so the memory of the step as a whole is counted by {@link MemoryWatch}.
 */
final class PrlimitLimiter implements Limiter {
    private final Limits limits;
    private final boolean inSandbox;

    /** @param inSandbox whether commands run in a user namespace of their own (bubblewrap): the process cap goes inside */
    PrlimitLimiter(Limits limits, boolean inSandbox) {
        this.limits = limits;
        this.inSandbox = inSandbox;
    }

    PrlimitLimiter(Limits limits) {
        this(limits, false);
    }

    @Override
    public Isolation.Wrapped limit(List<String> command) throws java.io.IOException {
        // both prlimit caps are set inside (see launcher); the memory of all the step's processes is counted (MemoryWatch)
        if (inSandbox) return limits.memoryBytes() > 0 ? new MemoryWatch(command, limits.memoryBytes()) : Isolation.Wrapped.of(command);
        List<String> full = new ArrayList<>(HostTools.command("prlimit"));
        full.addAll(options());
        full.add("--");
        full.addAll(command);
        return limits.memoryBytes() > 0 ? new MemoryWatch(full, limits.memoryBytes()) : Isolation.Wrapped.of(full);
    }

    private List<String> options() {
        List<String> o = new ArrayList<>();
        // Go reserves address space generously: give it four times the memory cap
        if (limits.memoryBytes() > 0) o.add("--as=" + limits.memoryBytes() * 4);
        if (limits.processes() > 0) o.add("--nproc=" + limits.processes());
        if (limits.fileBytes() > 0) o.add("--fsize=" + limits.fileBytes());
        return o;
    }

    /** {@code prlimit --as=… --nproc=… --}, for the sandbox to start inside its own user namespace. */
    @Override
    public List<String> launcher() throws java.io.IOException {
        if (!inSandbox) return null;
        List<String> full = new ArrayList<>(HostTools.command("prlimit"));
        full.addAll(options());
        full.add("--");
        return full;
    }

    /** {@code file size 4096 MiB, } or nothing. */
    static String fileSize(Limits limits) {
        return limits.fileBytes() > 0 ? "file size " + (limits.fileBytes() >> 20) + " MiB, " : "";
    }

    @Override
    public String describe() {
        return "address space " + (limits.memoryBytes() * 4 >> 20) + " MiB, " + fileSize(limits) + limits.processes()
                + (inSandbox ? " processes per sandbox (counted in its user namespace)" : " processes per user")
                + " (prlimit; cgroups not writable, so hits are not named), and " + MemoryWatch.name(limits.memoryBytes())
                + " over all of a step's processes";
    }
}
