package org.goguides.checks.report;


/** Escaping for the GitHub-flavoured Markdown of job summaries: table cells, inline text, code blocks. */
final class Markdown {
    private Markdown() {
    }

    /** Text safe inside a table cell or a line: HTML and Markdown specials escaped, newlines as {@code <br>}. */
    static String cell(String s) {
        if (s == null || s.isEmpty()) return "";
        String t = html(s.strip()).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
                .replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]");
        return t.replace("\r\n", "\n").replace("\n", "<br>");
    }

    /** Text safe between HTML tags (a {@code <summary>}). */
    static String html(String s) {
        return s == null ? "" : TerminalText.visible(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A fenced code block that {@code body} cannot close: the fence is longer than any backtick run in it. */
    static String codeBlock(String info, String body) {
        String b = TerminalText.visible(body == null ? "" : body).stripTrailing();
        int longest = 0;
        int run = 0;
        for (int i = 0; i < b.length(); i++) {
            run = b.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + info + "\n" + b + "\n" + fence + "\n";
    }
}
