package org.goguides.checks.engine;

import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

import org.goguides.checks.host.HostFacts;
import org.goguides.checks.run.SnippetRunner;

/**
 * What every node of a run shares: the host's facts, the rule that decides skips, the runner and the
 * recorder of the run's results. Made anew for each execution, so runs share nothing.
 */
record GuidesExecutionContext(HostFacts host, Applicability applicability, SnippetRunner runner, ResultRecorder recorder)
        implements EngineExecutionContext {
}
