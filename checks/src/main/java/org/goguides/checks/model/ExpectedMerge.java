package org.goguides.checks.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites expected output to fit actual output while keeping what still matches: lines with
 * {@code [..]} that match stay as written, {@code ...} keeps standing for the lines it absorbs,
 * and only lines that differ are replaced. Used by {@code check --update}.
 */
public final class ExpectedMerge {
    private ExpectedMerge() {
    }

    /** The new expected text for {@code actual}, closest to {@code expected}. */
    public static String merge(String expected, String actual) {
        List<String> e = OutputMatcher.lines(expected);
        List<String> a = OutputMatcher.lines(actual);
        int n = e.size();
        int m = a.size();
        boolean[] any = new boolean[n];
        Pattern[] pat = new Pattern[n];
        for (int i = 0; i < n; i++) {
            any[i] = e.get(i).strip().equals(OutputMatcher.ANY_LINES);
            pat[i] = any[i] ? null : OutputMatcher.linePattern(e.get(i));
        }
        // cost[i][j]: fewest changed lines to make e[i..] fit a[j..] (a changed line costs 1,
        // whether it is dropped, added or replaced; a "..." absorbs lines for free)
        int[][] cost = new int[n + 1][m + 1];
        for (int j = m - 1; j >= 0; j--) cost[n][j] = cost[n][j + 1] + 1;
        for (int i = n - 1; i >= 0; i--) {
            cost[i][m] = any[i] ? cost[i + 1][m] : cost[i + 1][m] + 1;
            for (int j = m - 1; j >= 0; j--) {
                int best;
                if (any[i]) {
                    best = Math.min(cost[i][j + 1], cost[i + 1][j]);
                } else {
                    best = Math.min(cost[i + 1][j] + 1, cost[i][j + 1] + 1);
                    best = Math.min(best, cost[i + 1][j + 1] + (pat[i].matcher(a.get(j)).matches() ? 0 : 1));
                }
                cost[i][j] = best;
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        boolean anyKept = false;
        while (i < n || j < m) {
            if (i < n && any[i]) {
                if (!anyKept) out.add(e.get(i)); // the author's "..." stays
                anyKept = true;
                if (j < m && cost[i][j + 1] < cost[i + 1][j]) {
                    j++;
                } else {
                    anyKept = false;
                    i++;
                }
            } else if (i < n && j < m && cost[i][j] == cost[i + 1][j + 1] + (pat[i].matcher(a.get(j)).matches() ? 0 : 1)) {
                out.add(pat[i].matcher(a.get(j)).matches() ? e.get(i) : a.get(j));
                i++;
                j++;
            } else if (j < m && (i >= n || cost[i][j] == cost[i][j + 1] + 1)) {
                out.add(a.get(j++));
            } else {
                i++;
            }
        }
        return String.join("\n", out);
    }
}
