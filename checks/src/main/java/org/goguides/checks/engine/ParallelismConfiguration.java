package org.goguides.checks.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;

/**
 * Runs as many guides at once as there are cores: snippets spend their time in child processes,
 * so one worker per core keeps the machine busy without oversubscribing it.
 */
record ParallelismConfiguration(int parallelism) implements ParallelExecutionConfiguration {
    @Override
    public int getParallelism() {
        return parallelism;
    }

    @Override
    public int getMinimumRunnable() {
        return parallelism;
    }

    @Override
    public int getMaxPoolSize() {
        return parallelism + 256;
    }

    @Override
    public int getCorePoolSize() {
        return parallelism;
    }

    @Override
    public int getKeepAliveSeconds() {
        return 30;
    }

    @Override
    public Predicate<? super ForkJoinPool> getSaturatePredicate() {
        return pool -> true;
    }
}
