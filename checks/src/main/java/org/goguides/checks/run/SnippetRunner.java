package org.goguides.checks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.goguides.checks.model.ExitExpectation;
import org.goguides.checks.model.ExpectedOutput;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.model.TranscriptStep;
import org.goguides.checks.results.Status;

/**
 * Runs one snippet in its session and judges the result: shell blocks as a script with
 * {@code bash -e}, console transcripts command by command, {@code go run} blocks as a program,
 * {@code file=} blocks by writing the file. Never throws for anything a snippet does.
 */
public final class SnippetRunner {
    /** Saved state larger than this is not read back (a snippet cannot make the runner load gigabytes). */
    private static final long MAX_STATE_BYTES = 4L << 20;

    private final RunnerSettings settings;

    public SnippetRunner(RunnerSettings settings) {
        this.settings = settings;
    }

    public RunnerSettings settings() {
        return settings;
    }

    /** The environment every session starts from: nothing of the user's but PATH. */
    public Map<String, String> baseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        // the Go version matrix: another toolchain comes first on PATH, as if it were installed
        env.put("PATH", settings.goBin() == null ? path : settings.goBin() + java.io.File.pathSeparator + path);
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "dumb");
        env.put("USER", System.getProperty("user.name", "reader"));
        env.put("GOCACHE", settings.cacheDir().resolve("go-build").toString());
        env.put("GOMODCACHE", settings.cacheDir().resolve("gomod").toString());
        return env;
    }

    public Session newSession(String name) throws IOException {
        Files.createDirectories(settings.cacheDir());
        return Session.create(settings.workRoot(), name, baseEnvironment());
    }

    /** A session that starts where {@code prior} ended (see {@link Session#continuing}). */
    public Session continueSession(String name, Session prior) throws IOException {
        return Session.continuing(settings.workRoot(), name, prior);
    }

    public RunOutcome run(Snippet s, Session session) {
        long start = System.nanoTime();
        try {
            RunOutcome o = switch (s.kind()) {
                case FILE -> writeFile(s, session, start);
                case SHELL -> shell(s, session);
                case CONSOLE -> console(s, session);
                case GO_RUN -> goRun(s, session);
                case DISPLAY -> RunOutcome.skipped("shown, not executed");
            };
            String stray = session.takeStrayDirectory();
            if (stray != null && o.status() == Status.PASSED) {
                return new RunOutcome(Status.FAILED, stray, o.exit(), o.durationMs(), o.output(), o.diff());
            }
            return FailureHints.apply(s, o);
        } catch (IOException e) {
            return RunOutcome.error("could not run: " + e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private RunOutcome writeFile(Snippet s, Session session, long start) throws IOException {
        Path home = session.home().toRealPath();
        // file=./x: where the terminal is; file=dir/x and file=.dotfile: from $HOME; a bare file=x after a cd is ambiguous: it fails
        boolean here = s.file().startsWith("./");
        Path cwd = session.cwd().toRealPath();
        Path target = (here ? cwd.resolve(s.file().substring(2)) : home.resolve(s.file())).normalize();
        if (!here && !s.file().contains("/") && !s.file().startsWith(".") && !cwd.equals(home) && cwd.startsWith(home)) {
            String rel = home.relativize(cwd).toString();
            return new RunOutcome(Status.FAILED, "file=" + s.file() + " is a path from $HOME, so it would write ~/" + s.file()
                    + ", but the steps before left the terminal in ~/" + rel + " (write file=./" + s.file()
                    + " for the current directory, or file=" + rel + "/" + s.file() + ")", 0, 0, "", "");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // an earlier snippet may have left a symlink at the target or above it: never write through it
        boolean escapes = !parent.toRealPath().startsWith(home);
        if (!escapes && Files.isSymbolicLink(target)) escapes = !Files.exists(target) || !target.toRealPath().startsWith(home);
        if (escapes) {
            return RunOutcome.error("file=" + s.file() + " resolves outside the session directory", 0);
        }
        Files.writeString(target, s.code() + "\n", StandardCharsets.UTF_8);
        return new RunOutcome(Status.PASSED, "", 0, (System.nanoTime() - start) / 1_000_000, "", "");
    }

    private RunOutcome shell(Snippet s, Session session) throws IOException {
        Run r = runScript(s, session, s.code(), true, s.timeout());
        return judge(r, s.exit(), s.expected(), s.timeout(), "");
    }

    private RunOutcome goRun(Snippet s, Session session) throws IOException {
        Path dir = session.control().resolve("go-run").resolve(s.id());
        Files.createDirectories(dir);
        Path main = dir.resolve("main.go");
        writeFresh(main, s.code() + "\n");
        Run r = runScript(s, session, "go run " + quote(main.toString()), true, s.timeout());
        return judge(r, s.exit(), s.expected(), s.timeout(), "");
    }

    private RunOutcome console(Snippet s, Session session) throws IOException {
        StringBuilder transcript = new StringBuilder();
        long deadline = System.nanoTime() + s.timeout().toNanos();
        long total = 0;
        RunOutcome last = new RunOutcome(Status.PASSED, "", 0, 0, "", "");
        for (int i = 0; i < s.steps().size(); i++) {
            TranscriptStep step = s.steps().get(i);
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            Run run = runScript(s, session, step.command(), false, left);
            ProcessResult r = run.result();
            total += r.durationMs();
            transcript.append("$ ").append(step.command().replace("\n", "\n> ")).append('\n').append(r.output());
            if (!r.output().isEmpty() && !r.output().endsWith("\n")) transcript.append('\n');
            if (r.exit() != 0) transcript.append('[').append(r.exit()).append("]\n");
            String where = s.steps().size() > 1 ? "command " + (i + 1) + " of " + s.steps().size()
                    + " (line " + step.line() + ", $ " + firstLine(step.command()) + "): " : "";
            last = judge(run, step.exit(), step.expected(), s.timeout(), where);
            if (last.status() != Status.PASSED) break;
        }
        String out = OutputText.cap(transcript.toString(), settings.storedOutput());
        return new RunOutcome(last.status(), last.reason(), last.exit(), total, out, last.diff());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }

    private RunOutcome judge(Run run, ExitExpectation exit, ExpectedOutput expected, Duration timeout, String where) {
        ProcessResult r = run.result();
        String out = OutputText.cap(r.output(), settings.storedOutput());
        if (run.limit() != null) {
            return new RunOutcome(Status.FAILED, where + "hit the " + run.limit() + "; stopped", r.exit(), r.durationMs(), out, "");
        }
        if (r.timedOut()) {
            return new RunOutcome(Status.FAILED, where + "timed out after " + format(timeout) + " (timeout=)", r.exit(), r.durationMs(), out, "");
        }
        if (r.overflowed()) {
            return new RunOutcome(Status.FAILED, where + "printed more than " + settings.outputCap() + " bytes (output cap); stopped",
                    r.exit(), r.durationMs(), out, "");
        }
        if (!exit.accepts(r.exit())) {
            String diff = expected == null ? "" : OutputText.cap(OutputMatcher.match(expected, r.output()).diff(), settings.storedOutput());
            return new RunOutcome(Status.FAILED, where + "exit code " + r.exit() + ", expected " + exit, r.exit(), r.durationMs(), out, diff);
        }
        if (expected != null) {
            OutputMatcher.Result m = OutputMatcher.match(expected, r.output());
            if (!m.matched()) {
                return new RunOutcome(Status.FAILED, where + "output differs (match=" + expected.mode().attributeValue() + ")",
                        r.exit(), r.durationMs(), out, OutputText.cap(m.diff(), settings.storedOutput()));
            }
        }
        return new RunOutcome(Status.PASSED, "", r.exit(), r.durationMs(), out, "");
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    /** A finished command and the sandbox limit it hit (null if none). */
    private record Run(ProcessResult result, String limit) {
    }

    /**
     * Runs {@code code} in bash in the session: a wrapper restores nothing (the environment and
     * directory are passed in) and saves the directory and exported variables on exit. The scripts
     * are only readable to the command; it writes its state into {@code control/state}, which the
     * runner reads back only as plain files (never through a link a snippet left there).
     */
    private Run runScript(Snippet s, Session session, String code, boolean errexit, Duration timeout) throws IOException {
        Path ctl = session.control();
        Path state = Files.createDirectories(ctl.resolve("state"));
        Path script = ctl.resolve("snippet.sh");
        Path cwdFile = state.resolve("cwd");
        Path envFile = state.resolve("env");
        Files.deleteIfExists(cwdFile);
        Files.deleteIfExists(envFile);
        writeFresh(script, code + "\n");
        String wrapper = "trap '__goguides_rc=$?; pwd > " + quote(cwdFile.toString()) + " 2>/dev/null; env -0 > "
                + quote(envFile.toString()) + " 2>/dev/null; exit $__goguides_rc' EXIT\n"
                + (errexit ? "set -e\n" : "")
                + ". " + quote(script.toString()) + "\n";
        Path wrapperFile = ctl.resolve("wrapper.sh");
        writeFresh(wrapperFile, wrapper);
        List<String> cmd = new ArrayList<>(List.of("bash", "--noprofile", "--norc", wrapperFile.toString()));
        Path cwd = session.cwd();
        Isolation.Binds binds = new Isolation.Binds(session.home(), cwd, List.of(ctl), List.of(settings.cacheDir(), state),
                ctl.resolve("layer"));
        ProcessResult r;
        String limit;
        try (Isolation.Wrapped w = settings.isolation().wrap(cmd, s, binds)) {
            r = ProcessRunner.run(w.command(), cwd, session.env(), timeout, settings.outputCap(), () -> w.limitHit().isPresent(),
                    w.containsProcesses());
            limit = w.limitHit().orElse(null);
        }
        // bash names the script it runs in its errors; a reader's bash says "bash: line 1: …", never the runner's path
        String named = script + ": ";
        if (r.output().contains(named)) {
            r = new ProcessResult(r.exit(), r.timedOut(), r.overflowed(), r.output().replace(named, "bash: "), r.totalBytes(), r.durationMs());
        }
        for (Path f : List.of(cwdFile, envFile)) {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) > MAX_STATE_BYTES) Files.deleteIfExists(f);
        }
        session.readState(cwdFile, envFile);
        return new Run(r, limit);
    }

    /** Writes a new file, replacing whatever was there (a link is removed, not followed). */
    private static void writeFresh(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Single-quotes a string for bash. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
