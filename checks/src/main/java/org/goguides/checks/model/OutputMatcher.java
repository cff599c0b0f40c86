package org.goguides.checks.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;


/**
 * Compares expected with actual output. Trailing whitespace and trailing blank lines are ignored;
 * in {@code exact} and {@code contains} mode a line {@code ...} matches any number of lines and
 * {@code [..]} within a line matches any text; {@code regex} finds a Java regular expression.
 */
public final class OutputMatcher {
    public static final String ANY_LINES = "...";
    public static final String ANY_TEXT = "[..]";

    private OutputMatcher() {
    }

    /** Whether it matched, and if not a readable diff of expected against actual. */
    public record Result(boolean matched, String diff) {
    }

    public static Result match(ExpectedOutput expected, String actual) {
        List<String> act = lines(actual);
        if (expected.mode() == MatchMode.REGEX) {
            boolean ok = Pattern.compile(expected.text(), Pattern.MULTILINE).matcher(String.join("\n", act)).find();
            return new Result(ok, ok ? "" : "expected to find the regex:\n  " + expected.text().replace("\n", "\n  ")
                    + "\nin the output:\n" + indent(act));
        }
        List<String> exp = lines(expected.text());
        List<String> pattern = new ArrayList<>(exp);
        if (expected.mode() == MatchMode.CONTAINS) {
            pattern.add(0, ANY_LINES);
            pattern.add(ANY_LINES);
        }
        boolean ok = matches(compile(pattern), act);
        return new Result(ok, ok ? "" : diff(exp, act, expected.mode() == MatchMode.CONTAINS));
    }

    /** Lines with trailing whitespace removed and trailing blank lines dropped. */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        for (String l : s.split("\n", -1)) out.add(l.stripTrailing());
        int n = out.size();
        while (n > 0 && out.get(n - 1).isEmpty()) n--;
        return new ArrayList<>(out.subList(0, n));
    }

    /** null stands for a {@code ...} line. */
    private static List<Pattern> compile(List<String> exp) {
        List<Pattern> out = new ArrayList<>();
        for (String l : exp) out.add(l.strip().equals(ANY_LINES) ? null : linePattern(l));
        return out;
    }

    static Pattern linePattern(String line) {
        StringBuilder re = new StringBuilder();
        int from = 0;
        int i;
        while ((i = line.indexOf(ANY_TEXT, from)) >= 0) {
            re.append(Pattern.quote(line.substring(from, i))).append(".*");
            from = i + ANY_TEXT.length();
        }
        re.append(Pattern.quote(line.substring(from)));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static boolean matches(List<Pattern> p, List<String> a) {
        // ok[i][j]: p[i..] matches a[j..]; filled from the end, O(|p|·|a|)
        int n = p.size();
        int m = a.size();
        boolean[] next = new boolean[m + 1];
        next[m] = true;
        for (int i = n - 1; i >= 0; i--) {
            boolean[] cur = new boolean[m + 1];
            Pattern pi = p.get(i);
            for (int j = m; j >= 0; j--) {
                if (pi == null) cur[j] = next[j] || (j < m && cur[j + 1]);
                else cur[j] = j < m && next[j + 1] && pi.matcher(a.get(j)).matches();
            }
            next = cur;
        }
        return next[0];
    }

    private static boolean lineMatches(String exp, String act) {
        return exp.strip().equals(ANY_LINES) || linePattern(exp).matcher(act).matches();
    }

    /**
     * A line diff: "-" expected only, "+" actual only, " " both; in a changed run, expected lines come
     * before actual ones. Lines that differ only in whitespace (a tab for spaces, as {@code go test} prints)
     * are shown with visible markers, since the difference is otherwise invisible.
     */
    static String diff(List<String> exp, List<String> act, boolean contains) {
        List<String> a = act.size() > 400 ? act.subList(0, 400) : act;
        int n = exp.size();
        int m = a.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = lineMatches(exp.get(i), a.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String[]> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && lineMatches(exp.get(i), a.get(j)) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                rows.add(new String[] {" ", a.get(j)});
                i++;
                j++;
            } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                rows.add(new String[] {"-", exp.get(i++)});
            } else {
                rows.add(new String[] {"+", a.get(j++)});
            }
        }
        boolean whitespace = markWhitespace(rows);
        StringBuilder b = new StringBuilder(contains ? "--- expected (somewhere in the output)\n" : "--- expected\n");
        b.append("+++ actual\n");
        for (String[] r : rows) b.append(r[0].equals(" ") ? " " : r[0]).append(' ').append(r[1]).append('\n');
        if (act.size() > a.size()) b.append("… ").append(act.size() - a.size()).append(" more lines of output\n");
        if (whitespace) b.append("only whitespace differs on the marked lines: → is a tab, · a space\n");
        return b.toString();
    }

    /** Pairs each run of "-" rows with the "+" rows after it; pairs equal but for whitespace get visible tabs and spaces. */
    private static boolean markWhitespace(List<String[]> rows) {
        boolean any = false;
        for (int k = 0; k < rows.size(); ) {
            int minus = k;
            while (minus < rows.size() && rows.get(minus)[0].equals("-")) minus++;
            int plus = minus;
            while (plus < rows.size() && rows.get(plus)[0].equals("+")) plus++;
            for (int x = 0; x < Math.min(minus - k, plus - minus); x++) {
                String[] e = rows.get(k + x);
                String[] g = rows.get(minus + x);
                if (!e[1].equals(g[1]) && linePattern(e[1].replaceAll("\\s+", "")).matcher(g[1].replaceAll("\\s+", "")).matches()) {
                    e[1] = visible(e[1]);
                    g[1] = visible(g[1]);
                    any = true;
                }
            }
            k = Math.max(plus, k + 1);
        }
        return any;
    }

    /** A line with its tabs and spaces shown. */
    public static String visible(String line) {
        return line.replace("\t", "→").replace(' ', '·');
    }

    private static String indent(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines.size() > 200 ? lines.subList(0, 200) : lines) b.append("  ").append(l).append('\n');
        return b.toString();
    }
}
