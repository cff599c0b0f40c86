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
import java.util.Set;

import org.goguides.checks.model.ExitExpectation;
import org.goguides.checks.model.ExpectedOutput;
import org.goguides.checks.model.OutputMatcher;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.model.TranscriptStep;
import org.goguides.checks.results.Status;

/**
 * Runs one snippet in its session and judges the result: shell blocks as a script with
 * {@code bash -e}, console transcripts command by command in the reader's shell (zsh on macOS), {@code go run} blocks as a program,
 * {@code file=} blocks by writing the file. Never throws for anything a snippet does.
 */
public final class SnippetRunner {
    /** A transcript's commands together may print this many times the per-command cap. */
    static final int TRANSCRIPT_CAPS = 4;

    /** The shell that runs every snippet, found once in the system folders (inside the sandbox it is the sandbox's). */
    private static final String BASH = HostTools.find("bash").orElse("/bin/bash");

    private final RunnerSettings settings;

    public SnippetRunner(RunnerSettings settings) {
        this.settings = settings;
    }

    public RunnerSettings settings() {
        return settings;
    }

    /**
     * The environment every session starts from: nothing of the user's but PATH (the session adds HOME and
     * its own Go caches, GOCACHE and GOMODCACHE, which no other guide or run sees).
     */
    public Map<String, String> baseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        // the Go version matrix: another toolchain comes first on PATH, as if it were installed
        env.put("PATH", settings.goBin() == null ? path : settings.goBin() + java.io.File.pathSeparator + path);
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "dumb");
        env.put("USER", System.getProperty("user.name", "reader"));
        return env;
    }

    public Session newSession(String name) throws IOException {
        return newSession(name, false);
    }

    /**
     * A new session; {@code withRoot} when one of its snippets is a {@code root} step. It runs as the host user
     * the isolation says ({@link Isolation#sessionUid}): the sandbox user, root layer or not; the runner's own
     * only where a disposable host runs a {@code root} step for real.
     */
    public Session newSession(String name, boolean withRoot) throws IOException {
        return Session.create(settings.workRoot(), name, baseEnvironment(), settings.isolation().sessionUid(withRoot), null);
    }

    /** As {@link #newSession(String, boolean)}, with the Go caches kept for this version of {@code guide} ({@link GuideCaches}). */
    public Session newSession(String name, boolean withRoot, org.goguides.checks.model.Guide guide) throws IOException {
        int uid = settings.isolation().sessionUid(withRoot);
        return Session.create(settings.workRoot(), name, baseEnvironment(), uid, keptCache(guide, uid));
    }

    /**
     * The Go caches kept for this version of {@code guide}, or null (fresh caches) when they belong to another
     * user: a guide with a root session and others has caches that cannot suit both.
     */
    private Path keptCache(org.goguides.checks.model.Guide guide, int uid) throws IOException {
        Path cache = GuideCaches.of(settings.cacheDir(), guide, uid);
        Integer owner = (Integer) Files.getAttribute(cache, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        boolean usable = uid < 0 ? owner == currentUid() : owner == uid;
        return usable ? cache : null;
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A session that starts where {@code prior} ended (see {@link Session#continuing}). */
    public Session continueSession(String name, Session prior) throws IOException {
        return Session.continuing(settings.workRoot(), name, prior, prior.uid(), null);
    }

    /** As {@link #continueSession(String, Session)}, with the Go caches kept for this version of {@code guide}. */
    public Session continueSession(String name, Session prior, boolean withRoot, org.goguides.checks.model.Guide guide) throws IOException {
        int uid = settings.isolation().sessionUid(withRoot);
        return Session.continuing(settings.workRoot(), name, prior, uid, keptCache(guide, uid));
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

    /**
     * Writes a {@code file=} block into the session. Every folder on the way is checked before it is used
     * or made, and the file is opened without following a link: whatever an earlier snippet planted (a
     * link to /etc as a folder or as the file), nothing is created or written outside the session.
     */
    private RunOutcome writeFile(Snippet s, Session session, long start) throws IOException {
        Path home = session.home();
        // file=./x: where the terminal is; file=dir/x and file=.dotfile: from $HOME; a bare file=x after a cd is ambiguous: it fails
        boolean here = s.file().startsWith("./");
        Path cwd = session.cwd().normalize(); // a path a snippet left: only compared, never resolved through links
        Path target = (here ? cwd.resolve(s.file().substring(2)) : home.resolve(s.file())).normalize();
        if (!here && !s.file().contains("/") && !s.file().startsWith(".") && !cwd.equals(home) && cwd.startsWith(home)) {
            String rel = home.relativize(cwd).toString();
            return new RunOutcome(Status.FAILED, "file=" + s.file() + " is a path from $HOME, so it would write ~/" + s.file()
                    + ", but the steps before left the terminal in ~/" + rel + " (write file=./" + s.file()
                    + " for the current directory, or file=" + rel + "/" + s.file() + ")", 0, 0, "", "");
        }
        if (!target.startsWith(home) || target.equals(home)) {
            return RunOutcome.error("file=" + s.file() + " resolves outside the session directory", 0);
        }
        int uid = session.uid();
        Path dir = home;
        for (Path part : home.relativize(target.getParent() == null ? home : target.getParent())) {
            dir = dir.resolve(part);
            if (Files.isSymbolicLink(dir)) return RunOutcome.error("file=" + s.file() + " resolves outside the session directory", 0);
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir); // fails, rather than follows, if a link appeared in between
                if (uid >= 0) Files.setAttribute(dir, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return RunOutcome.error("file=" + s.file() + ": " + home.relativize(dir) + " is not a folder", 0);
            }
        }
        if (Files.isSymbolicLink(target)) return RunOutcome.error("file=" + s.file() + " resolves outside the session directory", 0);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return RunOutcome.error("file=" + s.file() + ": something other than a file is there", 0);
        }
        // a new file, never the old one's inode (which a hard link may share)
        Files.deleteIfExists(target);
        try (var out = Files.newByteChannel(target, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW,
                LinkOption.NOFOLLOW_LINKS))) {
            out.write(java.nio.ByteBuffer.wrap((s.code() + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        if (uid >= 0) Files.setAttribute(target, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        return new RunOutcome(Status.PASSED, "", 0, (System.nanoTime() - start) / 1_000_000, "", "");
    }

    private RunOutcome shell(Snippet s, Session session) throws IOException {
        Run r = runScript(s, session, s.code(), true, s.timeout(), settings.outputCap());
        return judge(r, s.exit(), s.expected(), s.timeout(), "");
    }

    private RunOutcome goRun(Snippet s, Session session) throws IOException {
        Path dir = session.control().resolve("go-run").resolve(s.id());
        Files.createDirectories(dir);
        Path main = dir.resolve("main.go");
        writeFresh(main, s.code() + "\n");
        Run r = runScript(s, session, "go run " + quote(main.toString()), true, s.timeout(), settings.outputCap());
        return judge(r, s.exit(), s.expected(), s.timeout(), "");
    }

    private RunOutcome console(Snippet s, Session session) throws IOException {
        StringBuilder transcript = new StringBuilder();
        long deadline = System.nanoTime() + s.timeout().toNanos();
        long total = 0;
        // what all commands together may print: thousands of commands each under the per-command cap
        // must not fill the runner's memory
        long budget = (long) settings.outputCap() * TRANSCRIPT_CAPS;
        long printed = 0;
        RunOutcome last = new RunOutcome(Status.PASSED, "", 0, 0, "", "");
        for (int i = 0; i < s.steps().size(); i++) {
            TranscriptStep step = s.steps().get(i);
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            int cap = (int) Math.min(settings.outputCap(), budget - printed);
            Run run = runScript(s, session, step.command(), false, left, cap);
            ProcessResult r = run.result();
            printed += Math.min(r.totalBytes(), cap + 1L);
            total += r.durationMs();
            transcript.append("$ ").append(step.command().replace("\n", "\n> ")).append('\n').append(r.output());
            if (!r.output().isEmpty() && !r.output().endsWith("\n")) transcript.append('\n');
            if (r.exit() != 0) transcript.append('[').append(r.exit()).append("]\n");
            String where = s.steps().size() > 1 ? "command " + (i + 1) + " of " + s.steps().size()
                    + " (line " + step.line() + ", $ " + firstLine(step.command()) + "): " : "";
            if (r.overflowed() && cap < settings.outputCap()) {
                String reason = where + "the transcript printed more than " + budget + " bytes in all (output cap per snippet: "
                        + TRANSCRIPT_CAPS + " × " + settings.outputCap() + "); stopped";
                last = new RunOutcome(Status.FAILED, reason, r.exit(), r.durationMs(), "", "");
                break;
            }
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
            String what = run.limit().contains("(environment bound)") ? run.limit() : "hit the " + run.limit() + "; stopped";
            return new RunOutcome(Status.FAILED, where + what, r.exit(), r.durationMs(), out, "");
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
     * Runs {@code code} in the step's shell ({@link #shellFor}) in the session: a wrapper restores nothing (the environment and
     * directory are passed in) and saves the directory and exported variables on exit. The scripts
     * are only readable to the command; it writes its state into the session's {@code state} folder,
     * which the runner reads back only as plain files of bounded size (never through a link a snippet
     * left there). The environment travels inside the sandbox's arguments: host-side helpers never see it.
     */
    private Run runScript(Snippet s, Session session, String code, boolean errexit, Duration timeout, int outputCap)
            throws IOException {
        Path ctl = session.control();
        Path state = session.state();
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
        String shell = shellFor(s);
        List<String> cmd = shellCommand(shell, wrapperFile);
        Path cwd = session.cwd();
        Map<String, String> env = session.env();
        // an `interop` step alone gets WSL's interop socket variable from the runner's own environment
        String interop = s.requires().interop() && !env.containsKey(INTEROP_VARIABLE) ? System.getenv(INTEROP_VARIABLE) : null;
        if (interop != null) {
            env = new LinkedHashMap<>(env);
            env.put(INTEROP_VARIABLE, interop);
        }
        List<Path> readOnly = new ArrayList<>(List.of(ctl));
        // another Go toolchain (the version matrix) lives in the runner's hidden cache: shown read-only
        if (settings.goBin() != null && settings.goBin().getParent() != null) readOnly.add(settings.goBin().getParent());
        Path passwd = null;
        if (session.uid() >= 0) {
            // once per session: the control folder is the runner's own (read-only inside), so a file there is ours
            passwd = ctl.resolve("passwd");
            if (!Files.isRegularFile(passwd, LinkOption.NOFOLLOW_LINKS)) {
                writeFresh(passwd, SandboxAccount.passwd(SandboxAccount.hostPasswd(), session.uid(), session.home()));
            }
        }
        Isolation.Binds binds = new Isolation.Binds(session.home(), cwd, readOnly, List.of(session.cache(), state),
                ctl.resolve("layer"), List.of(settings.workRoot(), settings.cacheDir()), env, session.uid(), passwd);
        ProcessResult r;
        String limit;
        DiskBound disk = session.disk(settings.diskBytes());
        try (Isolation.Wrapped w = settings.isolation().wrap(cmd, s, binds)) {
            disk.started();
            r = ProcessRunner.run(w.command(), ctl, timeout, outputCap, () -> w.limitHit().isPresent() || disk.crossed(),
                    w.containsProcesses(), w::started);
            disk.ended();
            limit = w.limitHit().or(disk::hit).orElse(null);
        }
        // a shell names the script it runs in its errors; a reader's says "bash: line 1: …" (zsh "zsh:1: …", sh
        // "sh: 1: …"), never the runner's path
        String named = script + ":";
        if (r.output().contains(named)) {
            r = new ProcessResult(r.exit(), r.timedOut(), r.overflowed(), r.output().replace(named, shell + ":"), r.totalBytes(), r.durationMs());
        }
        String bound = session.readState(cwdFile, envFile).orElse(null);
        if (interop != null) session.forget(INTEROP_VARIABLE); // given to this step only, not carried to the next
        return new Run(r, limit != null ? limit : bound);
    }

    /** The variable through which WSL's Linux side reaches its Windows interop server; given to {@code interop} steps only. */
    public static final String INTEROP_VARIABLE = "WSL_INTEROP";

    /**
     * The shell a step runs in: the one it names ({@code shell=}); else a console transcript runs in the reader's
     * shell on this host ({@link RunnerSettings#consoleShell()}), and a script in its own language
     * ({@code sh}, {@code bash} and {@code shell} blocks in bash, as before; a {@code zsh} block in zsh).
     */
    String shellFor(Snippet s) {
        if (s.options().shell() != null) return s.options().shell();
        if (s.kind() == org.goguides.checks.model.SnippetKind.CONSOLE) return settings.consoleShell();
        return "bash";
    }

    /**
     * How a shell runs the wrapper without reading the user's start-up files: {@code bash --noprofile --norc},
     * {@code zsh -f} (no .zshenv, .zprofile, .zshrc: macOS's /etc/zshrc and path_helper are not run either; the
     * session's PATH comes from the runner), and plain {@code sh}. Only portable flags: bash 3.2 (macOS) has them.
     */
    static List<String> shellCommand(String shell, Path wrapper) {
        return switch (shell) {
            case "zsh" -> new ArrayList<>(List.of(shellPath("zsh"), "-f", wrapper.toString()));
            case "sh" -> new ArrayList<>(List.of(shellPath("sh"), wrapper.toString()));
            default -> new ArrayList<>(List.of(BASH, "--noprofile", "--norc", wrapper.toString()));
        };
    }

    /** A shell by absolute path from the system folders ({@link HostTools}), never looked up in a snippet's PATH. */
    private static String shellPath(String name) {
        return HostTools.find(name).orElse("/bin/" + name);
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
