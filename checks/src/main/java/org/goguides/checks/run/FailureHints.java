package org.goguides.checks.run;

import java.util.regex.Pattern;

import org.goguides.checks.model.Snippet;
import org.goguides.checks.results.Status;

/**
 * Adds to a failed step's reason what the author should do when the output shows a cause the
 * author can fix: a step without {@code network} that tried to reach the network.
 */
final class FailureHints {
    /** What resolvers and clients print when there is no network (curl, Go's net package, git, apt, wget). */
    private static final Pattern NO_NETWORK = Pattern.compile("Could not resolve host|Temporary failure in name resolution"
            + "|dial tcp: lookup |dial tcp [^\\n]*: connect: network is unreachable|: no such host|Network is unreachable"
            + "|unable to resolve host|Name or service not known|getaddrinfo|Failed to connect to ");

    static final String NETWORK_HINT = "this step has no network; add `network` if it needs one";

    private FailureHints() {
    }

    static RunOutcome apply(Snippet s, RunOutcome o) {
        if (o.status() != Status.FAILED || s.requires().network() || !NO_NETWORK.matcher(o.output()).find()) return o;
        return new RunOutcome(o.status(), o.reason() + "; " + NETWORK_HINT, o.exit(), o.durationMs(), o.output(), o.diff());
    }
}
