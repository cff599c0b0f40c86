package org.goguides.checks.model;

/**
 * One {@code $ command} of a console transcript with what it must print and its exit code.
 *
 * @param command the command as typed, continuation lines joined with {@code \n}
 * @param expected its expected output ({@link MatchMode} from the block)
 * @param exit its expected exit code ({@code [N]} line, default 0)
 * @param line 1-based line of the {@code $} in the guide
 */
public record TranscriptStep(String command, ExpectedOutput expected, ExitExpectation exit, int line) {
}
