package org.goguides.site.view;

import java.util.List;

/**
 * Marks whole lines of highlighted code ({@code hl=3-5,8}): each chosen line is wrapped in
 * {@code <span class="hl">}. The highlighter's token spans never nest but may run over a line
 * break (a block comment), so a span open at a line's end is closed there and opened again on the next line.
 */
public final class LineMarks {
    private LineMarks() {
    }

    /** {@code html}: the highlighter's output; {@code lines}: 1-based lines to mark. */
    public static String mark(String html, List<Integer> lines) {
        if (lines.isEmpty()) return html;
        String[] parts = html.split("\n", -1);
        StringBuilder out = new StringBuilder(html.length() + 40 * lines.size());
        String open = null; // the token span open at the start of the current line
        for (int i = 0; i < parts.length; i++) {
            String line = parts[i];
            String startOpen = open;
            int at = 0;
            while (true) {
                int o = line.indexOf("<span", at);
                int c = line.indexOf("</span>", at);
                if (o < 0 && c < 0) break;
                if (o >= 0 && (c < 0 || o < c)) {
                    int end = line.indexOf('>', o);
                    open = line.substring(o, end + 1);
                    at = end + 1;
                } else {
                    open = null;
                    at = c + 7;
                }
            }
            boolean hl = lines.contains(i + 1);
            String body = (startOpen != null ? startOpen : "") + line + (open != null ? "</span>" : "");
            if (hl) out.append("<span class=\"hl\">").append(body).append(i < parts.length - 1 ? "\n" : "").append("</span>");
            else out.append(body).append(i < parts.length - 1 ? "\n" : "");
        }
        return out.toString();
    }
}
