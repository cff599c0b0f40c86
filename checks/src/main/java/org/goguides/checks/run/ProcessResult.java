package org.goguides.checks.run;

/**
 * How a process ended.
 *
 * @param exit its exit code (124 when it was killed for time, as timeout(1) reports)
 * @param timedOut killed because the time limit passed
 * @param overflowed killed because it printed more than the output cap
 * @param output what it printed (stdout and stderr together), decoded and capped
 * @param totalBytes how many bytes it printed in all
 * @param durationMs wall time
 */
public record ProcessResult(int exit, boolean timedOut, boolean overflowed, String output, long totalBytes, long durationMs) {
}
