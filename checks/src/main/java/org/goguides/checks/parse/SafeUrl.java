package org.goguides.checks.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which link targets may reach a page: {@code http}, {@code https}, {@code mailto}, relative paths
 * and {@code #fragments}, schemes compared without case. The target is judged as a browser reads it:
 * after entities and backslash escapes are resolved (the caller passes flexmark's unescaped URL), and
 * with every whitespace and control character removed, so {@code JaVaScRiPt:}, {@code jav&#x61;script:}
 * and {@code java\tscript:} are all {@code javascript:}. Anything else is an authoring error.
 */
public final class SafeUrl {
    public static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");

    private SafeUrl() {
    }

    /** The scheme that makes {@code url} unsafe (lower case), or null if it may be linked. */
    public static String unsafeScheme(String url) {
        // the usual targets: their first characters stay first when blanks are removed, so they are safe as they stand
        if (url.startsWith("https://") || url.startsWith("http://") || url.startsWith("#") || url.startsWith("/") || url.startsWith(".")) return null;
        return unsafeSchemeRead(url);
    }

    /** As {@link #unsafeScheme}, by the full reading for every target: blanks, controls and format characters removed, then the scheme. */
    static String unsafeSchemeRead(String url) {
        StringBuilder b = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' && !(c >= 0x7F && c <= 0x9F) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                    && Character.getType(c) != Character.FORMAT) b.append(c);
        }
        Matcher m = SCHEME.matcher(b);
        if (!m.find()) return null;
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        return SCHEMES.contains(scheme) ? null : scheme;
    }

    /** The error for an unsafe link, or null; {@code what} is "link", "image", "repoUrl" … */
    public static String problem(String what, String url) {
        String scheme = unsafeScheme(url);
        if (scheme == null) return null;
        return "unsafe " + what + " \"" + visible(url) + "\": the scheme " + scheme
                + ": is not allowed (links may be http, https, mailto, relative or #fragment)";
    }

    /** Control characters made visible, and long targets cut, for a message on a terminal. */
    static String visible(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || MarkdownLimits.forbidden(c)) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.length() >= 80 ? b + "…" : b.toString();
    }
}
