package org.goguides.checks.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.engine.reporting.ReportEntry;

/**
 * What the engine tells the launcher's listeners about a run, as report entries on the engine's own node:
 * at the start the host and its isolation ({@link Host}), at the end the results file it wrote
 * ({@link #resultsFile}). A listener of one launch hears only that launch, so a caller such as the
 * {@code check} command learns its host and results from the run it started, never from another.
 */
public final class RunReport {
    /** Report entry key of the host's key, e.g. {@code linux-amd64-debian-12-go1.26.8}: {@value}. */
    public static final String HOST = "goguides.host";
    /** Report entry key of the host in words, e.g. {@code linux/amd64 (debian 12)}: {@value}. */
    public static final String HOST_DESCRIPTION = "goguides.host.description";
    /** Report entry key: {@code true} when snippets may use the network: {@value}. */
    public static final String ONLINE = "goguides.online";
    /** Report entry key of the isolation's name ({@code bwrap}, {@code none}, …): {@value}. */
    public static final String ISOLATION = "goguides.isolation";
    /** Report entry key of a sentence about the isolation (why there is no sandbox, say): {@value}. */
    public static final String ISOLATION_DESCRIPTION = "goguides.isolation.description";
    /** Report entry key of the results file the run wrote: {@value}. */
    public static final String RESULTS_FILE = "goguides.results.file";

    private RunReport() {
    }

    /** The host of a run and how its snippets are isolated. */
    public record Host(String key, String description, boolean online, String isolation, String isolationDescription) {
        ReportEntry entry() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(HOST, key);
            m.put(HOST_DESCRIPTION, description);
            m.put(ONLINE, Boolean.toString(online));
            m.put(ISOLATION, isolation);
            m.put(ISOLATION_DESCRIPTION, isolationDescription);
            m.values().removeIf(v -> v == null || v.isBlank()); // a report entry holds no blank value; host() has defaults
            return ReportEntry.from(m);
        }
    }

    /** The host an entry announces, if it is the engine's host entry. */
    public static Optional<Host> host(ReportEntry e) {
        Map<String, String> m = e.getKeyValuePairs();
        if (!m.containsKey(HOST)) return Optional.empty();
        return Optional.of(new Host(m.get(HOST), m.getOrDefault(HOST_DESCRIPTION, m.get(HOST)), Boolean.parseBoolean(m.get(ONLINE)),
                m.getOrDefault(ISOLATION, "none"), m.getOrDefault(ISOLATION_DESCRIPTION, m.getOrDefault(ISOLATION, "none"))));
    }

    /** The results file an entry announces, if it is the engine's closing entry. */
    public static Optional<Path> resultsFile(ReportEntry e) {
        return Optional.ofNullable(e.getKeyValuePairs().get(RESULTS_FILE)).map(Path::of);
    }
}
