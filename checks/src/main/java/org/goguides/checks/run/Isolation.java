package org.goguides.checks.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * The host user id sandboxed processes run as, when it is not the runner's own: a root runner does not let a
     * snippet be host uid 0, so what a snippet must write (its session) is handed to this user. -1: the runner's.
     */
    default int sandboxUid() {
        return -1;
    }

    /**
     * The host user a session's commands run as ({@code withRoot}: the session has a {@code root} step), or -1 for the
     * runner's own. By default a session with a {@code root} step is the runner's (a disposable host runs that step
     * for real, as the runner); the sandbox runs it as its sandbox user too.
     */
    default int sessionUid(boolean withRoot) {
        return withRoot ? -1 : sandboxUid();
    }

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
     * @param hidden host folders the command must not see at all (the runner's work and cache folders, whose
     *               other sessions and trusted caches belong to other guides), besides what the isolation hides
     * @param env the command's whole environment: it reaches only the sandboxed process, never a host-side helper
     * @param uid the host user the command runs as ({@link Isolation#sandboxUid()}), or -1 for the runner's own
     * @param passwd a file the runner wrote to show as {@code /etc/passwd} inside (the sandbox user's home is the
     *               session's HOME there, as a reader's account has its home), or null for the host's own
     */
    record Binds(Path home, Path cwd, List<Path> readOnly, List<Path> writable, Path layer, List<Path> hidden,
                 Map<String, String> env, int uid, Path passwd) {
        public Binds {
            readOnly = List.copyOf(readOnly);
            writable = List.copyOf(writable);
            hidden = List.copyOf(hidden);
            env = Map.copyOf(env);
        }

        /** The host's own /etc/passwd. */
        public Binds(Path home, Path cwd, List<Path> readOnly, List<Path> writable, Path layer, List<Path> hidden,
                     Map<String, String> env, int uid) {
            this(home, cwd, readOnly, writable, layer, hidden, env, uid, null);
        }

        /** Nothing hidden beyond the isolation's own view, and an empty environment. */
        public Binds(Path home, Path cwd, List<Path> readOnly, List<Path> writable, Path layer) {
            this(home, cwd, readOnly, writable, layer, List.of(), Map.of(), -1);
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

        /** The command's outermost process was started: a limit the runner counts itself watches from here. */
        default void started(ProcessHandle process) {
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

    /**
     * {@code command} started in {@code cwd} through {@code env -i NAME=VALUE…}: the host-side helpers in front
     * of it keep their fixed environment and folder, and only the command gets {@code env}. The change of folder
     * is a POSIX {@code sh}'s {@code cd}, not {@code env -C}, which GNU and recent BSDs have but macOS's
     * {@code env} does not.
     */
    static List<String> withEnvironment(List<String> command, Path cwd, Map<String, String> env) throws IOException {
        List<String> full = new java.util.ArrayList<>(HostTools.command("sh", "-c",
                "cd -- \"$1\" || exit 126; shift; exec " + HostTools.require("env") + " -i -- \"$@\"", "sh", cwd.toString()));
        env.forEach((k, v) -> full.add(k + "=" + v));
        full.addAll(command);
        return full;
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
            public Wrapped wrap(List<String> command, Snippet snippet, Binds binds) throws IOException {
                return Wrapped.of(withEnvironment(command, binds.cwd(), binds.env()));
            }
        };
    }
}
