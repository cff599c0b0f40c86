package org.goguides.checks.run;

import org.goguides.checks.results.Status;

/**
 * What running a snippet gave.
 *
 * @param status passed, failed, skipped or error
 * @param reason why it failed, was skipped or could not run; "" when it passed
 * @param exit the exit code of the (last) command, or -1 when nothing ran
 * @param durationMs wall time
 * @param output what it printed (capped)
 * @param diff expected against actual output when the output differed, else ""
 */
public record RunOutcome(Status status, String reason, int exit, long durationMs, String output, String diff) {
    public static RunOutcome skipped(String reason) {
        return new RunOutcome(Status.SKIPPED, reason, -1, 0, "", "");
    }

    public static RunOutcome error(String reason, long durationMs) {
        return new RunOutcome(Status.ERROR, reason, -1, durationMs, "", "");
    }
}
