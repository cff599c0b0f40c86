package org.goguides.checks.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.goguides.checks.model.Content;
import org.goguides.checks.report.TerminalText;

/**
 * {@code check --changed-since REF}: the guides whose files changed since a git revision, committed
 * or not. A change to {@code site.yml} or {@code platforms.yml} affects every guide.
 */
final class ChangedGuides {
    private ChangedGuides() {
    }

    /** The changed slugs, or empty (with a message) when git cannot answer. */
    static Optional<Set<String>> since(String ref, Path content, Content c, PrintStream err) {
        Path dir = content.toAbsolutePath().normalize();
        Optional<String> top = git(dir, err, "rev-parse", "--show-toplevel");
        if (top.isEmpty()) return Optional.empty();
        Path root = Path.of(top.get().strip());
        Optional<String> diff = git(root, err, "diff", "--name-only", ref, "--", dir.toString());
        Optional<String> untracked = git(root, err, "ls-files", "--others", "--exclude-standard", "--", dir.toString());
        if (diff.isEmpty() || untracked.isEmpty()) return Optional.empty();
        Set<String> slugs = new LinkedHashSet<>();
        for (String line : (diff.get() + "\n" + untracked.get()).split("\n")) {
            if (line.isBlank()) continue;
            Path rel = dir.relativize(root.resolve(line.strip()).normalize());
            if (rel.getNameCount() >= 2 && rel.getName(0).toString().equals("guides")) {
                slugs.add(rel.getName(1).toString());
            } else if (rel.getNameCount() == 1) {
                return Optional.of(new LinkedHashSet<>(c.bySlug().keySet())); // site.yml or platforms.yml
            }
        }
        slugs.retainAll(c.bySlug().keySet()); // deleted guides have nothing to check
        return Optional.of(slugs);
    }

    private static Optional<String> git(Path dir, PrintStream err, String... args) {
        try {
            // paths outside ASCII as they are, not as quoted octal escapes
            List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "core.quotepath=off"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String e = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                err.println(TerminalText.visible("error: --changed-since: git " + String.join(" ", args) + ": " + e.strip()));
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            err.println(TerminalText.visible("error: --changed-since needs git: " + e.getMessage()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
