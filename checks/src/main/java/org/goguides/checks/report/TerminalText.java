package org.goguides.checks.report;

/**
 * Makes text that came from content (a guide, a snippet's output, a results file) safe to print on
 * a terminal: control characters that a terminal would act on become visible escapes, so a guide
 * cannot move the cursor, rewrite a line, change the title or reorder what the reader sees.
 * Newlines and tabs stay (messages span lines); everything else below U+0020, DEL, the C1 controls
 * and the Unicode bidi and line-separator controls is shown as an escape: {@code \e} for ESC,
 * {@code \r} for CR, {@code \xNN} for other C0 bytes and DEL, {@code \u202e} for the rest.
 * A backslash already in the text is left alone (paths and regexes stay readable).
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@code s} with every control character a terminal would act on made visible; null gives "". */
    public static String visible(String s) {
        if (s == null) return "";
        int n = s.length();
        int i = 0;
        while (i < n && !escaped(s.charAt(i))) i++;
        if (i == n) return s;
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!escaped(c)) {
                b.append(c);
            } else if (c == 0x1b) {
                b.append("\\e");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /** The same for one line of output: newlines and tabs are escaped too ({@code \n}, {@code \t}). */
    public static String visibleLine(String s) {
        return visible(s).replace("\n", "\\n").replace("\t", "\\t");
    }

    private static boolean escaped(char c) {
        if (c == '\n' || c == '\t') return false;
        return c < 0x20 || c == 0x7f
                || (c >= 0x80 && c <= 0x9f)                  // C1 controls (CSI, OSC … as single code points)
                || c == 0x061c || c == 0x200e || c == 0x200f // Arabic letter mark, LRM, RLM
                || (c >= 0x202a && c <= 0x202e)              // bidi embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069)              // bidi isolates
                || c == 0x2028 || c == 0x2029;               // line and paragraph separators
    }
}
