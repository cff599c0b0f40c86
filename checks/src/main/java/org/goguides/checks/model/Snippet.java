package org.goguides.checks.model;

import java.time.Duration;
import java.util.List;

/**
 * A fenced block of a guide and everything needed to run and show it.
 *
 * @param guide the guide's slug (its folder name)
 * @param locale the translation, e.g. {@code zh} or {@code en}
 * @param id stable id, unique within the guide file
 * @param explicitId whether the author gave the id (derived ids move when the guide changes)
 * @param lang the info string's first word
 * @param kind what the runner does with it
 * @param code the block's text (for a transcript: the whole transcript)
 * @param pos the line of the opening fence
 * @param requires where it may run
 * @param exit expected exit code (shell and go run)
 * @param expected expected output of a shell or go block, or null
 * @param steps the commands of a console transcript (empty otherwise)
 * @param timeout how long it may take
 * @param file for {@code file=}: the path relative to the session directory
 * @param session the session it shares state with
 * @param skipReason for {@code skip=}: why it is shown but not run; null otherwise
 * @param hash {@code sha256:…} of what is executed and checked, so a result can be matched to this text
 * @param shown what readers see besides the code: highlighted lines and an example output (never run nor hashed)
 * @param options how it runs beyond where: the shell it names and the earlier steps it depends on
 */
public record Snippet(String guide, String locale, String id, boolean explicitId, String lang, SnippetKind kind,
                      String code, SourcePos pos, Requirements requires, ExitExpectation exit,
                      ExpectedOutput expected, List<TranscriptStep> steps, Duration timeout, String file,
                      String session, String skipReason, String hash, Shown shown, StepOptions options) {

    public Snippet {
        steps = List.copyOf(steps);
        shown = shown == null ? Shown.NONE : shown;
        if (options == null) options = StepOptions.NONE;
    }

    /** A snippet with nothing shown besides its code, no {@code shell=} and no {@code after=}. */
    public Snippet(String guide, String locale, String id, boolean explicitId, String lang, SnippetKind kind,
                   String code, SourcePos pos, Requirements requires, ExitExpectation exit,
                   ExpectedOutput expected, List<TranscriptStep> steps, Duration timeout, String file,
                   String session, String skipReason, String hash) {
        this(guide, locale, id, explicitId, lang, kind, code, pos, requires, exit, expected, steps, timeout, file, session, skipReason,
                hash, Shown.NONE, StepOptions.NONE);
    }

    /** A snippet with no {@code shell=} and no {@code after=}. */
    public Snippet(String guide, String locale, String id, boolean explicitId, String lang, SnippetKind kind,
                   String code, SourcePos pos, Requirements requires, ExitExpectation exit,
                   ExpectedOutput expected, List<TranscriptStep> steps, Duration timeout, String file,
                   String session, String skipReason, String hash, Shown shown) {
        this(guide, locale, id, explicitId, lang, kind, code, pos, requires, exit, expected, steps, timeout, file, session, skipReason,
                hash, shown, StepOptions.NONE);
    }

    /**
     * What readers see besides the code.
     *
     * @param highlight 1-based lines of the block to highlight ({@code hl=3-5,8}), in order
     * @param example an {@code example} block shown to readers in place of the expected output (or, for a console
     *                transcript, of the transcript); the check still matches the expected output; null if none
     */
    public record Shown(List<Integer> highlight, String example) {
        public static final Shown NONE = new Shown(List.of(), null);

        public Shown {
            highlight = List.copyOf(highlight);
        }
    }

    /** {@code slug/id}: the key under which results and the site find this snippet. */
    public String key() {
        return guide + "/" + id;
    }

    public boolean executable() {
        return kind.executable();
    }
}
