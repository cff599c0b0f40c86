package org.goguides.checks.model;

/**
 * Output a step must print (stdout and stderr together), and how to compare it.
 *
 * @param text the expected text, lines joined with {@code \n}
 * @param mode how to compare
 * @param line 1-based line in the guide where the expected text starts
 */
public record ExpectedOutput(String text, MatchMode mode, int line) {
}
