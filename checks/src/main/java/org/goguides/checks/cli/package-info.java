/**
 * The {@code check} command of checks (checks/DESIGN.md §5): runs the guides' snippets through the engine,
 * reuses unchanged results, and writes and reports the results file; usable without the site.
 */
package org.goguides.checks.cli;
