package org.goguides.checks.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.ExitExpectation;
import org.goguides.checks.model.ExpectedMerge;
import org.goguides.checks.model.ExpectedOutput;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.MatchMode;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.model.TranscriptStep;
import org.goguides.checks.parse.TextFile;
import org.goguides.checks.parse.TranscriptParser;
import org.goguides.checks.results.SnippetResult;
import org.goguides.checks.results.Status;

/**
 * {@code check --update}: rewrites, in place in the Markdown, the expected output of snippets that
 * failed only on their output, in every translation that has the same step. Only the lines of that
 * expected output change; wildcards that still match are kept. The Markdown's structure never changes: an
 * output with a line that would close the code block (a fence of backticks or tildes) gets a longer fence
 * around it, so the step stays one block and no new executable step appears.
 */
public final class ExpectationUpdater {
    /**
     * One replaced region of a guide file.
     *
     * @param fenceLine the line of the opening fence of the block the region is in: its indentation (a list item's,
     *                  a blockquote's {@code >}) is given to every new line, so the block stays in its list or quote
     */
    public record Edit(Guide guide, int firstLine, int lineCount, List<String> newLines, String snippetId, int fenceLine) {
    }

    /** What an update did: the edits made and why some failures were left alone. */
    public record Report(List<Edit> edits, List<String> notes, String diff) {
    }

    private ExpectationUpdater() {
    }

    public static Report update(Content content, List<SnippetResult> results) throws IOException {
        List<Edit> edits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SnippetResult r : results) {
            if (r.status() != Status.FAILED || r.diff().isEmpty()) continue;
            boolean tooLong = r.output().contains("more characters not kept]");
            boolean noted = false;
            for (Guide g : content.bySlug().getOrDefault(r.guide(), List.of())) {
                java.util.Optional<Snippet> s = g.snippet(r.id()).filter(x -> x.hash().equals(r.hash()));
                if (s.isEmpty() || !failedOnOutputOnly(s.get(), r, tooLong)) continue;
                if (tooLong) {
                    if (!noted) notes.add(r.source() + ":" + r.line() + ": output too long to copy into the guide; edit it by hand");
                    noted = true;
                    continue;
                }
                edit(g, s.get(), r, notes).ifPresent(edits::add);
            }
        }
        StringBuilder diff = new StringBuilder();
        Map<Guide, List<Edit>> byFile = new LinkedHashMap<>();
        for (Edit e : edits) byFile.computeIfAbsent(e.guide(), k -> new ArrayList<>()).add(e);
        List<Edit> made = new ArrayList<>();
        for (Map.Entry<Guide, List<Edit>> f : byFile.entrySet()) made.addAll(apply(f.getKey(), f.getValue(), diff, notes));
        return new Report(made, notes, diff.toString());
    }

    /**
     * Whether a failed step failed on its output alone, from the result's facts rather than its message: it
     * has a diff (its output differed from what was expected) and the exit code was one it accepts (a wrong exit
     * code is for the author to look at). For a transcript the exit code is the failing command's, the last
     * one the recorded transcript holds; a transcript cut short cannot say which that is, so it counts.
     */
    static boolean failedOnOutputOnly(Snippet s, SnippetResult r, boolean cutShort) {
        if (r.status() != Status.FAILED || r.diff().isEmpty()) return false;
        if (s.steps().isEmpty()) return s.exit().accepts(r.exit());
        if (cutShort) return true;
        List<TranscriptStep> ran = TranscriptParser.parse(r.output(), 1, MatchMode.EXACT, (l, m) -> { });
        if (ran.isEmpty() || ran.size() > s.steps().size()) return true; // edit() says it cannot read the transcript
        return s.steps().get(ran.size() - 1).exit().accepts(r.exit());
    }

    private static java.util.Optional<Edit> edit(Guide g, Snippet s, SnippetResult r, List<String> notes) {
        ExpectedOutput expected;
        String actual;
        if (s.steps().isEmpty()) {
            expected = s.expected();
            actual = r.output();
        } else {
            List<TranscriptStep> ran = TranscriptParser.parse(r.output(), 1, MatchMode.EXACT, (l, m) -> { });
            if (ran.isEmpty() || ran.size() > s.steps().size()) {
                notes.add(s.pos() + ": cannot read the recorded transcript; edit it by hand");
                return java.util.Optional.empty();
            }
            expected = s.steps().get(ran.size() - 1).expected();
            actual = ran.get(ran.size() - 1).expected().text();
        }
        if (expected == null) return java.util.Optional.empty();
        if (expected.mode() == MatchMode.REGEX) {
            notes.add(s.pos() + ": match=regex is left for you to edit");
            return java.util.Optional.empty();
        }
        String merged = expected.mode() == MatchMode.CONTAINS ? actual : ExpectedMerge.merge(expected.text(), actual);
        int count = expected.text().isEmpty() ? 0 : expected.text().split("\n", -1).length;
        if (!s.steps().isEmpty() && !staysOutput(merged)) {
            notes.add(s.pos() + ": the new output has lines a console transcript would read as a command (\"$ \"), a continuation "
                    + "(\"> \") or an exit code (\"[N]\"); edit it by hand");
            return java.util.Optional.empty();
        }
        int fence = s.steps().isEmpty() ? expected.line() - 1 : s.pos().line();
        return java.util.Optional.of(new Edit(g, expected.line(), count, merged.isEmpty() ? List.of() : List.of(merged.split("\n", -1)), s.id(),
                fence));
    }

    /**
     * What stands before a fence on its line, as the block's lines must repeat it: spaces for indentation and
     * for a list marker ({@code - }, {@code 1. }), {@code >} for a blockquote.
     */
    static String containerPrefix(String fenceLine) {
        int at = 0;
        while (at < fenceLine.length() && fenceLine.charAt(at) != '`' && fenceLine.charAt(at) != '~') at++;
        String before = fenceLine.substring(0, at);
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher marker = java.util.regex.Pattern.compile("([-*+]|\\d{1,9}[.)])(?=\\s)").matcher(before);
        int i = 0;
        while (i < before.length()) {
            char c = before.charAt(i);
            if (c == '>' || c == ' ' || c == '\t') {
                out.append(c);
                i++;
            } else if (marker.find(i) && marker.start() == i) {
                out.append(" ".repeat(marker.end() - i));
                i = marker.end();
            } else {
                out.append(' ');
                i++;
            }
        }
        return out.toString();
    }

    /** Whether {@code output}, written after a command line of a console transcript, is read back as just its output. */
    private static boolean staysOutput(String output) {
        if (output.isEmpty()) return true;
        List<TranscriptStep> steps = TranscriptParser.parse("$ true\n" + output, 1, MatchMode.EXACT, (l, m) -> { });
        return steps.size() == 1 && steps.get(0).command().equals("true") && steps.get(0).exit().equals(ExitExpectation.SUCCESS)
                && steps.get(0).expected() != null && steps.get(0).expected().text().strip().equals(output.strip());
    }

    /** A fence line: indentation of up to three spaces, a run of three or more backticks or tildes, the rest. */
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");

    private static List<Edit> apply(Guide g, List<Edit> edits, StringBuilder diff, List<String> notes) throws IOException {
        if (Files.isSymbolicLink(g.file())) {
            notes.add(g.displayPath() + ":1: is a symbolic link; --update rewrites only plain files");
            return List.of();
        }
        String raw = Files.readString(g.file(), StandardCharsets.UTF_8);
        boolean bom = raw.startsWith("\uFEFF");
        String eol = raw.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(TextFile.normalize(raw).split("\n", -1)));
        edits.sort(Comparator.comparingInt(Edit::firstLine).reversed());
        List<Edit> made = new ArrayList<>();
        for (Edit e : edits) {
            int from = e.firstLine() - 1;
            if (!fenceFits(lines, e.fenceLine() - 1, from, e.lineCount(), e.newLines())) {
                notes.add(g.displayPath() + ":" + e.firstLine() + ": the code block around this expected output cannot be found to "
                        + "fence it safely; edit it by hand");
                continue;
            }
            made.add(e);
            List<String> old = new ArrayList<>(lines.subList(from, from + e.lineCount()));
            for (int k = 0; k < e.lineCount(); k++) lines.remove(from);
            String prefix = containerPrefix(lines.get(e.fenceLine() - 1));
            List<String> placed = new ArrayList<>();
            for (String l : e.newLines()) placed.add(l.isEmpty() ? prefix.stripTrailing() : prefix + l);
            lines.addAll(from, placed);
            diff.append("--- ").append(g.displayPath()).append(':').append(e.firstLine()).append(" (").append(e.snippetId()).append(")\n");
            old.forEach(l -> diff.append("- ").append(l).append('\n'));
            e.newLines().forEach(l -> diff.append("+ ").append(l).append('\n'));
        }
        if (made.isEmpty()) return made;
        Path tmp = Files.createTempFile(g.file().toAbsolutePath().getParent(), ".update-", ".md");
        Files.writeString(tmp, (bom ? "\uFEFF" : "") + String.join(eol, lines), StandardCharsets.UTF_8); // keep BOM and line endings
        Files.move(tmp, g.file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return made;
    }

    /**
     * Makes the fence of the code block that opens on line {@code open} long enough that none of
     * {@code newLines} closes it (CommonMark: a closing fence is at least as long as the opening one, of the
     * same character, with nothing after it), lengthening its opening and closing lines in {@code lines}.
     * Lines in a list or blockquote keep what stands before the fence. False when the block's fences cannot
     * be found (the edit is then not made).
     */
    static boolean fenceFits(List<String> lines, int open, int from, int count, List<String> newLines) {
        if (open < 0 || open >= from) return false;
        String opening = lines.get(open);
        int at = fenceStart(opening);
        if (at < 0) return false;
        char c = opening.charAt(at);
        int len = run(opening, at, c);
        if (len < 3) return false;
        int close = from + count;
        while (close < lines.size() && !closes(lines.get(close), c, len)) close++;
        if (close >= lines.size()) return false;
        int need = len;
        for (String l : newLines) {
            Matcher m = FENCE.matcher(l);
            if (m.matches() && m.group(2).charAt(0) == c && m.group(3).isBlank()) need = Math.max(need, m.group(2).length() + 1);
        }
        if (need > len) {
            String fence = String.valueOf(c).repeat(need);
            lines.set(open, opening.substring(0, at) + fence + opening.substring(at + len));
            String closing = lines.get(close);
            int z = fenceStart(closing);
            lines.set(close, closing.substring(0, z) + fence + closing.substring(z + run(closing, z, c)));
        }
        return true;
    }

    /** Where the fence starts on a line, after indentation, list markers and blockquote marks; -1 if none. */
    private static int fenceStart(String line) {
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '`' || ch == '~') return i;
        }
        return -1;
    }

    private static int run(String line, int at, char c) {
        int n = 0;
        while (at + n < line.length() && line.charAt(at + n) == c) n++;
        return n;
    }

    private static boolean closes(String line, char c, int len) {
        String t = line.replaceFirst("^[\\s>]*", "");
        int n = run(t, 0, c);
        return n >= len && t.substring(n).isBlank();
    }
}
