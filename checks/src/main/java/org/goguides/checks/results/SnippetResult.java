package org.goguides.checks.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One snippet's result on one host, as stored in a results file (contract §6).
 *
 * @param guide the guide's slug
 * @param locale the translation it was run from
 * @param id the snippet id
 * @param lang the block's language
 * @param source the guide file
 * @param line the line of the opening fence
 * @param hash the snippet's hash when it ran; the site counts the result only while it still matches
 * @param status passed, failed, skipped or error
 * @param reason why it failed or was skipped
 * @param exit exit code of the (last) command, -1 if nothing ran
 * @param durationMs wall time
 * @param output what it printed, capped
 * @param diff expected against actual output, when they differed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"guide", "locale", "id", "lang", "source", "line", "hash", "status", "reason", "exit", "durationMs", "output", "diff"})
public record SnippetResult(String guide, String locale, String id, String lang, String source, int line, String hash,
                            String status, String reason, int exit, long durationMs, String output, String diff) {

    public Status statusValue() {
        return Status.of(status);
    }

    public String key() {
        return guide + "/" + id;
    }
}
