package org.goguides.site.view;

import java.util.regex.Pattern;

/**
 * Expected output is a pattern: {@code [..]} matches any text within a line, a line {@code ...} any
 * number of lines. Readers should see what a host really printed instead; where no host has, the
 * wildcards are shown as what they mean, never bare.
 */
public final class OutputPatterns {
    private static final Pattern ELLIPSIS_LINE = Pattern.compile("(?m)^((?:<span[^>]*>)*)\\.\\.\\.((?:</span>)*)$");

    private OutputPatterns() {
    }

    /** Whether expected text uses a wildcard. */
    public static boolean hasWildcards(String text) {
        if (text == null) return false;
        if (text.contains("[..]")) return true;
        for (String line : text.split("\n", -1)) if (line.strip().equals("...")) return true;
        return false;
    }

    /**
     * Escaped or highlighted HTML with each wildcard replaced by a labelled mark: {@code anyText} for
     * {@code [..]}, {@code anyLines} for a {@code ...} line.
     */
    public static String markWildcards(String html, String anyText, String anyLines) {
        String h = html.replace("[..]", "<span class=\"wild\" title=\"" + attr(anyText) + "\">" + "…" + "<span class=\"visually-hidden\"> ("
                + escape(anyText) + ")</span></span>");
        return ELLIPSIS_LINE.matcher(h).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)
                + "<span class=\"wild wild-lines\">⋯ " + escape(anyLines) + "</span>" + m.group(2)));
    }

    private static String escape(String s) {
        return Highlighter.escape(s);
    }

    private static String attr(String s) {
        return escape(s).replace("\"", "&quot;");
    }
}
