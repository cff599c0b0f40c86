package org.goguides.checks.results;

/**
 * One snippet's result on one host, as stored in a results file (checks/DESIGN.md §3).
 *
 * @param guide the guide's slug
 * @param locale the translation it was run from
 * @param id the snippet id
 * @param lang the block's language
 * @param source the guide file
 * @param line the line of the opening fence
 * @param hash the snippet's hash when it ran; the site counts the result only while it still matches
 * @param status passed, failed, skipped or error (written lower-case)
 * @param reason why it failed or was skipped
 * @param exit exit code of the (last) command, -1 if nothing ran
 * @param durationMs wall time
 * @param output what it printed, capped
 * @param diff expected against actual output, when they differed
 * @param ranAt when the snippet really ran, if earlier than the run this file records (a result
 *              reused from the cache of an unchanged guide); "" when it ran in this run
 */
public record SnippetResult(String guide, String locale, String id, String lang, String source, int line, String hash,
                            Status status, String reason, int exit, long durationMs, String output, String diff, String ranAt) {

    public SnippetResult {
        if (status == null) throw new Status.Unknown(null);
        ranAt = ranAt == null ? "" : ranAt;
    }

    /** A result of the run its file records. */
    public SnippetResult(String guide, String locale, String id, String lang, String source, int line, String hash,
                         Status status, String reason, int exit, long durationMs, String output, String diff) {
        this(guide, locale, id, lang, source, line, hash, status, reason, exit, durationMs, output, diff, "");
    }

    /** The same result, reused in a later run: it keeps the time it really ran. */
    public SnippetResult reusedFrom(String runFinished) {
        return new SnippetResult(guide, locale, id, lang, source, line, hash, status, reason, exit, durationMs, output, diff,
                ranAt.isEmpty() ? runFinished : ranAt);
    }

    public String key() {
        return guide + "/" + id;
    }
}
