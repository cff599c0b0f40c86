/**
 * The run stage (checks/DESIGN.md §1): a JUnit Platform {@code TestEngine} that discovers guides as containers and
 * snippets as tests, runs the snippets of a guide in order in one session and guides in parallel; its configuration
 * keys are in {@link org.goguides.checks.engine.Constants}.
 */
package org.goguides.checks.engine;
