package org.goguides.checks.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    /** Why {@code root} snippets are skipped on this host; only meaningful when {@link #rootLayer()} is false. */
    default String noRootLayerReason() {
        return "needs a throwaway root layer (it writes outside the session); " + describe();
    }

    /**
     * Prepares one command: what to start instead of it, and how to learn afterwards whether it hit a
     * limit. The caller closes the result when the process has ended.
     */
    Wrapped wrap(List<String> command, Snippet snippet, Binds binds) throws IOException;

    /**
     * What a command may see of the session.
     *
     * @param home the session directory (HOME and first working directory), writable
     * @param cwd where the command starts
     * @param readOnly directories the command must read (its scripts)
     * @param writable further directories the command must be able to write (caches, saved state)
     * @param layer a directory owned by the session for a throwaway root layer; removed with the session
     */
    record Binds(Path home, Path cwd, List<Path> readOnly, List<Path> writable, Path layer) {
        public Binds {
            readOnly = List.copyOf(readOnly);
            writable = List.copyOf(writable);
        }
    }

    /** One wrapped command: what to start, and what the isolation saw while it ran. */
    interface Wrapped extends AutoCloseable {
        /** The command line to start. */
        List<String> command();

        /** The limit the command hit, named for a reason ("memory limit (512 MiB)"), or empty. Cheap: polled while it runs. */
        default Optional<String> limitHit() {
            return Optional.empty();
        }

        /**
         * Whether everything the command starts ends with it (it runs in its own PID namespace, which the
         * kernel empties when its first process exits): then nothing is left to kill after it ends by itself.
         */
        default boolean containsProcesses() {
            return false;
        }

        /** Releases what {@link Isolation#wrap} set up (limits, leftover processes). Never throws. */
        @Override
        default void close() {
        }

        static Wrapped of(List<String> command) {
            List<String> copy = List.copyOf(command);
            return () -> copy;
        }

        /** A command in its own PID namespace (see {@link #containsProcesses()}). */
        static Wrapped contained(List<String> command) {
            List<String> copy = List.copyOf(command);
            return new Wrapped() {
                @Override
                public List<String> command() {
                    return copy;
                }

                @Override
                public boolean containsProcesses() {
                    return true;
                }
            };
        }
    }

    /** No isolation: a fresh HOME and session directory only. */
    Isolation NONE = none("no sandbox: snippets run with a fresh HOME and session directory only");

    /** No isolation, with the sentence that says why (shown at the start of a run and in skip reasons). */
    static Isolation none(String why) {
        return new Isolation() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public String describe() {
                return why;
            }

            @Override
            public boolean rootLayer() {
                return false;
            }

            @Override
            public Wrapped wrap(List<String> command, Snippet snippet, Binds binds) {
                return Wrapped.of(command);
            }
        };
    }
}
