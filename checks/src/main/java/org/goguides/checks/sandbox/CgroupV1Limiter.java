package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.goguides.checks.run.HostTools;
import org.goguides.checks.run.Isolation;

/**
 * Memory and process caps through cgroup v1 (the {@code memory} and {@code pids} hierarchies): each
 * command gets its own pair of groups, joins them before it starts anything, and the kernel enforces
 * the caps on everything it forks. The groups' counters say exactly which cap was hit
 * ({@code memory.oom_control: oom_kill}, {@code pids.events: max}). Needs root.
 */
final class CgroupV1Limiter implements Limiter {
    static final Path MEMORY = Path.of("/sys/fs/cgroup/memory");
    static final Path PIDS = Path.of("/sys/fs/cgroup/pids");
    private static final AtomicLong NEXT = new AtomicLong();
    /** Joins both groups, then becomes the command: nothing runs outside the groups. */
    private static final String ENTER = "echo $$ > \"$1\" && echo $$ > \"$2\" && shift 2 && exec \"$@\"";

    private final Limits limits;

    private CgroupV1Limiter(Limits limits) {
        this.limits = limits;
    }

    /** Present when both hierarchies exist and a group can be made in each (root on a cgroup v1 host). */
    static Optional<Limiter> detect(Limits limits) {
        if (!Files.isDirectory(MEMORY) || !Files.isDirectory(PIDS)) return Optional.empty();
        String probe = "goguides-probe-" + ProcessHandle.current().pid();
        try {
            for (Path root : List.of(MEMORY, PIDS)) {
                Path g = root.resolve(probe);
                Files.createDirectory(g);
                Files.delete(g);
            }
            return Optional.of(new CgroupV1Limiter(limits));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "memory " + (limits.memoryBytes() >> 20) + " MiB, " + limits.processes() + " processes (cgroup v1)"
                + (limits.fileBytes() > 0 ? ", " + PrlimitLimiter.fileSize(limits).replaceAll(", $", "") + " (prlimit in the sandbox)" : "");
    }

    /** {@code prlimit --fsize=… --} in the sandbox, when a file size cap is set (cgroups have none). */
    @Override
    public List<String> launcher() throws IOException {
        if (limits.fileBytes() <= 0 || !org.goguides.checks.run.HostTools.has("prlimit")) return null;
        List<String> l = new ArrayList<>(org.goguides.checks.run.HostTools.command("prlimit", "--fsize=" + limits.fileBytes(), "--"));
        return l;
    }

    @Override
    public Isolation.Wrapped limit(List<String> command) throws IOException {
        String name = "goguides-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        Path mem = Files.createDirectory(MEMORY.resolve(name));
        Path pids;
        try {
            pids = Files.createDirectory(PIDS.resolve(name));
        } catch (IOException e) {
            Groups.remove(mem);
            throw e;
        }
        Groups g = new Groups(mem, pids, limits);
        try {
            g.configure();
        } catch (IOException e) {
            g.close();
            throw e;
        }
        List<String> full = new ArrayList<>(List.of(HostTools.require("sh"), "-c", ENTER, "sh",
                mem.resolve("cgroup.procs").toString(), pids.resolve("cgroup.procs").toString()));
        full.addAll(command);
        g.command = List.copyOf(full);
        return g;
    }

    /** The two groups of one command. */
    private static final class Groups implements Isolation.Wrapped {
        private final Path mem;
        private final Path pids;
        private final Limits limits;
        private List<String> command;
        private volatile String hit;

        Groups(Path mem, Path pids, Limits limits) {
            this.mem = mem;
            this.pids = pids;
            this.limits = limits;
        }

        void configure() throws IOException {
            if (limits.memoryBytes() > 0) {
                write(mem.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
                Path memsw = mem.resolve("memory.memsw.limit_in_bytes");
                if (Files.exists(memsw)) {
                    try {
                        write(memsw, Long.toString(limits.memoryBytes()));
                    } catch (IOException e) {
                        // swap accounting off: the memory cap alone applies
                    }
                }
            }
            if (limits.processes() > 0) write(pids.resolve("pids.max"), Integer.toString(limits.processes()));
        }

        @Override
        public List<String> command() {
            return command;
        }

        @Override
        public Optional<String> limitHit() {
            if (hit == null) {
                if (limits.memoryBytes() > 0 && counter(mem.resolve("memory.oom_control"), "oom_kill") > 0) hit = limits.memoryName();
                else if (limits.processes() > 0 && counter(pids.resolve("pids.events"), "max") > 0) hit = limits.processName();
            }
            return Optional.ofNullable(hit);
        }

        @Override
        public void close() {
            limitHit();
            killAll(pids);
            killAll(mem);
            remove(pids);
            remove(mem);
        }

        /** Kills whatever is still in the group (the sandbox's PID namespace usually took care of it). */
        private static void killAll(Path group) {
            for (int round = 0; round < 20; round++) {
                List<Long> left = members(group);
                if (left.isEmpty()) return;
                left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                sleep(50);
            }
        }

        private static List<Long> members(Path group) {
            List<Long> out = new ArrayList<>();
            try {
                for (String l : Files.readAllLines(group.resolve("cgroup.procs"), StandardCharsets.UTF_8)) {
                    if (!l.isBlank()) out.add(Long.parseLong(l.strip()));
                }
            } catch (IOException | NumberFormatException e) {
                // gone already
            }
            return out;
        }

        static void remove(Path group) {
            for (int i = 0; i < 40 && Files.exists(group); i++) {
                try {
                    Files.delete(group);
                } catch (IOException e) {
                    sleep(50); // the last members are still exiting
                }
            }
        }

        private static long counter(Path file, String key) {
            try {
                for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] kv = l.strip().split("\\s+");
                    if (kv.length == 2 && kv[0].equals(key)) return Long.parseLong(kv[1]);
                }
            } catch (IOException | NumberFormatException e) {
                // no such counter on this kernel
            }
            return 0;
        }

        private static void write(Path file, String value) throws IOException {
            Files.writeString(file, value, StandardCharsets.UTF_8);
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
