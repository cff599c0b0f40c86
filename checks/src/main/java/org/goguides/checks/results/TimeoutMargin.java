package org.goguides.checks.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Snippet;

/**
 * Steps that used more than half of their timeout: on a busy CI host such a step is the next
 * timeout, so {@code check} warns about them (and {@code lint} from the last results) while they
 * still pass.
 */
public final class TimeoutMargin {
    private TimeoutMargin() {
    }

    /**
     * One step that came close to its timeout: a warning of its own kind, so that a reporter can show
     * it as such (a GitHub {@code ::warning} annotation, say), not only as a line of text.
     *
     * @param source the guide file, line the step's opening fence
     * @param host the results' host key, "" when not known
     */
    public record SlowStep(String guide, String id, String source, int line, long durationMs, long timeoutMs, String host) {
        /** {@code path:line: guide › id took 41.2 s of its 60 s timeout (more than half) …}. */
        public String message() {
            return source + ":" + line + ": " + text();
        }

        /** The message without its place, for a reporter that names the place on its own (an annotation). */
        public String text() {
            return guide + " › " + id + " took " + seconds(durationMs) + " of its " + seconds(timeoutMs)
                    + " timeout (more than half" + (host.isEmpty() ? "" : " on " + host)
                    + "); a busy host may time it out: raise timeout= or make the step faster";
        }
    }

    /**
     * The steps among {@code results} that ran (were not reused from an earlier run, skipped or in error)
     * for more than half of the timeout the current text of the step gives them; results of an older text
     * are left out.
     */
    public static List<SlowStep> find(Content content, List<SnippetResult> results, String host) {
        List<SlowStep> slow = new ArrayList<>();
        for (SnippetResult r : results) {
            if (!r.ranAt().isEmpty() || r.status() == Status.SKIPPED || r.status() == Status.ERROR) continue;
            Optional<Snippet> s = content.guide(r.guide(), r.locale()).flatMap(g -> g.snippet(r.id()));
            if (s.isEmpty() || !s.get().hash().equals(r.hash())) continue;
            long timeout = s.get().timeout().toMillis();
            if (r.durationMs() * 2 > timeout) slow.add(new SlowStep(r.guide(), r.id(), r.source(), r.line(), r.durationMs(), timeout, host));
        }
        return slow;
    }

    static String seconds(long ms) {
        if (ms % 60_000 == 0 && ms >= 60_000) return ms / 60_000 + " min";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
