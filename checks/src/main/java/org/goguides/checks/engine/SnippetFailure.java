package org.goguides.checks.engine;

import org.opentest4j.AssertionFailedError;

/**
 * A snippet that ran and did not do what its guide says. The message is the whole report
 * ({@code path:line: reason} and the diff); a stack trace would only point into the engine.
 */
final class SnippetFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    SnippetFailure(String message) {
        super(message);
        setStackTrace(new StackTraceElement[0]);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
