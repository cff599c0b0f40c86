package org.goguides.checks.results;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.goguides.checks.host.HostFacts;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.run.RunOutcome;

/**
 * Where the engine leaves, per test unique id, the snippet it discovered and the outcome it ran to,
 * so that {@link ResultsListener} (which the launcher calls with test identifiers only) can write the
 * results file. One per JVM: the launcher runs engine and listeners in the same process.
 */
public final class RunRegistry {
    private static final Map<String, Snippet> SNIPPETS = new ConcurrentHashMap<>();
    private static final Map<String, RunOutcome> OUTCOMES = new ConcurrentHashMap<>();
    private static volatile HostFacts host;
    private static volatile String isolation = "none";

    private RunRegistry() {
    }

    public static void snippet(String uniqueId, Snippet s) {
        SNIPPETS.put(uniqueId, s);
        OUTCOMES.remove(uniqueId);
    }

    public static void outcome(String uniqueId, RunOutcome o) {
        OUTCOMES.put(uniqueId, o);
    }

    /** The host of the run and how its snippets are isolated, with a sentence saying so (why there is no sandbox, say). */
    public static void host(HostFacts facts, String isolationName, String isolationDescription) {
        host = facts;
        isolation = isolationName;
        description = isolationDescription;
    }

    private static volatile String description = "none";

    public static String isolationDescription() {
        return description;
    }

    public static Optional<Snippet> snippet(String uniqueId) {
        return Optional.ofNullable(SNIPPETS.get(uniqueId));
    }

    public static Optional<RunOutcome> outcome(String uniqueId) {
        return Optional.ofNullable(OUTCOMES.get(uniqueId));
    }

    public static Optional<HostFacts> host() {
        return Optional.ofNullable(host);
    }

    public static String isolation() {
        return isolation;
    }
}
