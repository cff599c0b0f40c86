/**
 * What {@code check} reports besides the results file: GitHub annotations and job summaries, JSON lines,
 * and comparisons of two sets of results.
 */
package org.goguides.checks.report;
