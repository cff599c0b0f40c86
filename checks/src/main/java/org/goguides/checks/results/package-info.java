/**
 * The record stage (checks/DESIGN.md §3, §4): a snippet's status and result, the results file of a run per host,
 * its history, and reading and merging any number of them.
 */
package org.goguides.checks.results;
