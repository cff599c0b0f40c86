package org.goguides.checks.results;

import java.util.List;

/**
 * One results file: one run of the checks on one host (checks/DESIGN.md §3), read by {@link ResultsReader} and
 * written by {@link ResultsWriter} with its fields and those of its parts in the order of the components.
 *
 * @param schema the file format version, 1
 * @param host the facts of the host
 * @param isolation how snippets were kept from the host: {@code none}, or the sandbox's name
 * @param started ISO-8601 instant
 * @param finished ISO-8601 instant; the date shown on badges
 * @param snippets one entry per snippet, in run order
 */
public record HostRun(int schema, HostInfo host, String isolation, String started, String finished, List<SnippetResult> snippets) {
    public static final int SCHEMA = 1;

    public HostRun {
        snippets = snippets == null ? List.of() : List.copyOf(snippets);
        isolation = isolation == null ? "none" : isolation;
    }
}
