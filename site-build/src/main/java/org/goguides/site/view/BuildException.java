package org.goguides.site.view;

/** A build that cannot go on, with a message that names the file and line at fault; shown without a stack trace. */
public final class BuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BuildException(String message) {
        super(message, null, false, false);
    }
}
