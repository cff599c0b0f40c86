package org.goguides.checks.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.goguides.checks.report.OutputFormat;

/**
 * The command line of {@code checks} on its own, without the site: {@code [check] [options]} runs the
 * guides' snippets on this host and writes a results file (see {@link CheckOptions#USAGE}). The site's
 * {@code site-build.jar check} is the same command. Output is UTF-8 whatever the platform's default;
 * errors are one line each, never a stack trace.
 */
public final class Main {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err, System.getenv()).run(args));
    }

    /** Runs the check and returns its exit code. */
    int run(String... args) {
        CheckOptions.Parsed p = CheckOptions.parse(args);
        if (!p.errors().isEmpty()) {
            p.errors().forEach(e -> err.println("error: " + e));
            err.println("run with --help for usage");
            return CheckCommand.USAGE;
        }
        if (p.help()) {
            out.print(CheckOptions.USAGE);
            return CheckCommand.OK;
        }
        // JSON lines own stdout: the plain lines move to stderr
        boolean jsonl = OutputFormat.resolve(p.options().format, env).orElseThrow() == OutputFormat.JSONL;
        try {
            return new CheckCommand(jsonl ? err : out, err, env, out).run(p.options());
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return CheckCommand.FAILED;
        }
    }
}
