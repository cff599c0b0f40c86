package org.goguides.checks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches, from the host's /proc, the uids (real, effective, saved, fs) of every process whose command line
 * holds {@code uid-probe-MARKER}, while a run goes on: what the host sees a snippet run as, whatever the
 * snippet says of itself.
 */
final class HostUids implements AutoCloseable {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Thread watcher;

    private HostUids(String marker, String threadName) {
        String probe = "uid-probe-" + marker;
        watcher = new Thread(() -> watch(probe), threadName);
        watcher.setDaemon(true);
    }

    /** Starts watching for the probe process named by {@code marker}. */
    static HostUids watch(String marker, String threadName) {
        HostUids w = new HostUids(marker, threadName);
        w.watcher.start();
        return w;
    }

    /** Every uid the host saw the probe run as, so far. */
    Set<String> seen() {
        return seen;
    }

    @Override
    public void close() {
        watcher.interrupt();
    }

    private void watch(String probe) {
        while (!Thread.currentThread().isInterrupted()) {
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(probe)).forEach(p -> {
                try {
                    Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"), StandardCharsets.UTF_8).stream()
                            .filter(l -> l.startsWith("Uid:")).forEach(l -> seen.addAll(List.of(l.substring(4).strip().split("\\s+"))));
                } catch (IOException e) {
                    // ended in between
                }
            });
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
