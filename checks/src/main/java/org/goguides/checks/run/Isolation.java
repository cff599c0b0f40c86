package org.goguides.checks.run;

import java.nio.file.Path;
import java.util.List;

import org.goguides.checks.model.Snippet;

/**
 * How a snippet's process is kept from the machine that checks it. The runner asks the isolation
 * to wrap each command; the results file records {@link #name()} per host.
 */
public interface Isolation {
    /** Short name recorded in the results, e.g. {@code none} or {@code bwrap}. */
    String name();

    /** A sentence for the start of a run, e.g. why there is no sandbox. */
    String describe();

    /** Whether {@code root} snippets can run: a throwaway layer over system paths exists. */
    boolean rootLayer();

    /**
     * The command to start instead of {@code command}.
     *
     * @param home the session directory (HOME and first working directory)
     * @param cwd where the command starts
     * @param writable further directories the command must be able to write (caches, control files)
     */
    List<String> wrap(List<String> command, Snippet snippet, Path home, Path cwd, List<Path> writable);

    /** No isolation: a fresh HOME and session directory only. */
    Isolation NONE = new Isolation() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public String describe() {
            return "no sandbox: snippets run with a fresh HOME and session directory only";
        }

        @Override
        public boolean rootLayer() {
            return false;
        }

        @Override
        public List<String> wrap(List<String> command, Snippet snippet, Path home, Path cwd, List<Path> writable) {
            return command;
        }
    };
}
