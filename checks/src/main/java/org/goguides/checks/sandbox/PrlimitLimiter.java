package org.goguides.checks.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.goguides.checks.run.HostTools;
import org.goguides.checks.run.Isolation;

/**
 * The fallback where control groups cannot be made (not root): {@code prlimit} sets the address-space limit of
 * the command on the host, and its process-count limit inside the sandbox. The kernel counts RLIMIT_NPROC per
 * user and user namespace (since Linux 5.14), and checks each namespace level against the limit its creator
 * had: set on the host, the limit would count every process of the runner's user (the JVM's threads, other
 * sandboxes) and bubblewrap could not even make its namespaces; set inside the sandbox's own user namespace,
 * after bubblewrap made it with the runner's ordinary limit, it counts the sandbox's processes alone. The
 * kernel then refuses allocations and forks instead of stopping the command, so a hit shows as the command's
 * own error, not as a named limit. Without a sandbox there is no namespace of its own: the count is the user's.
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
        List<String> full = new ArrayList<>(HostTools.command("prlimit"));
        // Go reserves address space generously: give it four times the memory cap
        if (limits.memoryBytes() > 0) full.add("--as=" + limits.memoryBytes() * 4);
        if (limits.processes() > 0 && !inSandbox) full.add("--nproc=" + limits.processes());
        full.add("--");
        full.addAll(command);
        return Isolation.Wrapped.of(full);
    }

    /**
     * The sandboxed command under the process cap: {@code prlimit --nproc} runs inside the sandbox (the host's own
     * binary, in the read-only system) with an empty environment, and {@code env -i} hands the snippet's
     * environment to the command alone. A snippet without capabilities cannot raise the cap.
     */
    @Override
    public List<String> inside(List<String> command, java.util.Map<String, String> env) throws java.io.IOException {
        if (!inSandbox || limits.processes() <= 0) return null;
        List<String> full = new ArrayList<>(HostTools.command("prlimit", "--nproc=" + limits.processes(), "--"));
        full.addAll(HostTools.command("env", "-i", "--"));
        env.forEach((k, v) -> full.add(k + "=" + v));
        full.addAll(command);
        return full;
    }

    @Override
    public String describe() {
        return "address space " + (limits.memoryBytes() * 4 >> 20) + " MiB, " + limits.processes()
                + (inSandbox ? " processes per sandbox (counted in its user namespace)" : " processes per user")
                + " (prlimit; cgroups not writable, so hits are not named)";
    }
}
