package org.goguides.site.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers every page of the published site gets (Content-Security-Policy, nosniff, frame and
 * referrer policy …), read from the one place they are written: the {@code [[headers]] for = "/*"}
 * table of {@code netlify.toml}, which the build copies into the jar. {@code serve} sends the same, so
 * a page that breaks the policy breaks in the preview too, and an unsafe link in a guide meets the
 * same policy there as on the site.
 */
public final class SecurityHeaders {
    private static final Pattern VALUE = Pattern.compile("^\\s*([A-Za-z0-9-]+)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(?:#.*)?$");

    private SecurityHeaders() {
    }

    /** The headers of {@code for = "/*"} in the netlify.toml packed with this build, in file order. */
    public static Map<String, String> forEveryPage() {
        try (InputStream in = SecurityHeaders.class.getResourceAsStream("netlify.toml")) {
            if (in == null) throw new IllegalStateException("netlify.toml is missing from the jar (site-build/pom.xml packs it)");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code [headers.values]} of the {@code [[headers]]} table whose {@code for} is {@code "/*"}: TOML's basic strings, one per line. */
    static Map<String, String> parse(String toml) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean inHeaders = false;
        boolean everyPage = false;
        boolean inValues = false;
        for (String line : toml.split("\n")) {
            String t = line.strip();
            if (t.startsWith("[")) {
                if (t.equals("[[headers]]")) {
                    inHeaders = true;
                    everyPage = false;
                    inValues = false;
                } else if (t.equals("[headers.values]")) {
                    inValues = inHeaders && everyPage;
                } else {
                    inHeaders = false;
                    inValues = false;
                }
                continue;
            }
            if (inHeaders && !inValues && t.matches("for\\s*=\\s*\"/\\*\"")) everyPage = true;
            if (!inValues) continue;
            Matcher m = VALUE.matcher(line);
            if (m.matches()) out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return Collections.unmodifiableMap(out);
    }
}
