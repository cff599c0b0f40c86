package org.goguides.checks.engine;

/** A snippet that could not be run at all (status {@code error}); reported without a stack trace. */
final class SnippetError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SnippetError(String message) {
        super(message, null, false, false);
    }
}
