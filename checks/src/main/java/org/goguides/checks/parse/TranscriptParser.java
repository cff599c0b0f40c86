package org.goguides.checks.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.goguides.checks.model.ExitExpectation;
import org.goguides.checks.model.ExpectedOutput;
import org.goguides.checks.model.MatchMode;
import org.goguides.checks.model.TranscriptStep;

/**
 * Reads a console transcript: {@code $ CMD} starts a command, {@code > } lines continue it, the
 * lines up to the next {@code $ } are its expected output, and a last line {@code [N]} is its exit code.
 */
public final class TranscriptParser {
    private static final Pattern EXIT = Pattern.compile("\\[(\\d{1,3}|nonzero)]\\s*");

    private TranscriptParser() {
    }

    /**
     * @param body the block's text
     * @param firstLine the 1-based file line of the block's first text line
     * @param problem receives (line, message) for what cannot be read
     */
    public static List<TranscriptStep> parse(String body, int firstLine, MatchMode mode, BiConsumer<Integer, String> problem) {
        List<TranscriptStep> steps = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        int n = lines.length;
        while (n > 0 && lines[n - 1].isBlank()) n--;
        int i = 0;
        while (i < n && lines[i].isBlank()) i++;
        if (i < n && !isCommand(lines[i])) {
            problem.accept(firstLine + i, "a console transcript starts with a command line \"$ ...\" (found \"" + abbreviate(lines[i]) + "\")");
            return steps;
        }
        if (i >= n) {
            problem.accept(firstLine, "empty console transcript (write \"$ command\" lines, each followed by its output)");
        }
        while (i < n) {
            int cmdLine = firstLine + i;
            StringBuilder cmd = new StringBuilder(lines[i].startsWith("$ ") ? lines[i].substring(2) : "");
            i++;
            while (i < n && (lines[i].startsWith("> ") || lines[i].equals(">"))) {
                cmd.append('\n').append(lines[i].length() > 2 ? lines[i].substring(2) : "");
                i++;
            }
            int outStart = i;
            while (i < n && !isCommand(lines[i])) i++;
            int outEnd = i;
            ExitExpectation exit = ExitExpectation.SUCCESS;
            int last = outEnd - 1;
            while (last >= outStart && lines[last].isBlank()) last--;
            if (last >= outStart) {
                Matcher m = EXIT.matcher(lines[last]);
                if (m.matches()) {
                    String v = m.group(1);
                    int code = v.equals("nonzero") ? -1 : Integer.parseInt(v);
                    if (code > 255) problem.accept(firstLine + last, "invalid exit code [" + v + "] (0 to 255, or [nonzero])");
                    exit = v.equals("nonzero") ? ExitExpectation.NONZERO : ExitExpectation.of(Math.min(code, 255));
                    outEnd = last;
                }
            }
            if (cmd.toString().isBlank()) problem.accept(cmdLine, "empty command after \"$\" (write \"$ command\")");
            List<String> out = new ArrayList<>();
            for (int k = outStart; k < outEnd; k++) out.add(lines[k]);
            steps.add(new TranscriptStep(cmd.toString(), new ExpectedOutput(String.join("\n", out), mode, firstLine + outStart),
                    exit, cmdLine));
        }
        return steps;
    }

    private static boolean isCommand(String line) {
        return line.startsWith("$ ") || line.equals("$");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
