package org.goguides.checks.report;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code check} and {@code lint} report besides their plain lines: {@code text} (nothing more),
 * {@code github} (workflow commands that annotate the pull request, and a job summary), {@code jsonl}
 * (one JSON object per event on stdout, the plain lines on stderr). {@code auto}, the default, is
 * {@code github} under GitHub Actions ({@code GITHUB_ACTIONS=true}) and {@code text} elsewhere.
 */
public enum OutputFormat {
    TEXT, GITHUB, JSONL;

    public static final String ALLOWED = "auto, text, github, jsonl";

    /** The format an option value names ({@code auto} resolved with {@code env}); empty for an unknown name. */
    public static Optional<OutputFormat> resolve(String option, Map<String, String> env) {
        String v = option == null ? "auto" : option.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> Optional.of("true".equals(env.get("GITHUB_ACTIONS")) ? GITHUB : TEXT);
            case "text" -> Optional.of(TEXT);
            case "github" -> Optional.of(GITHUB);
            case "jsonl" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }
}
