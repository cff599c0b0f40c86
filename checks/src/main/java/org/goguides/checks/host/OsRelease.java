package org.goguides.checks.host;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code /etc/os-release}: {@code KEY=value} lines, values optionally quoted. */
final class OsRelease {
    private OsRelease() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("#")) continue;
            String v = line.substring(eq + 1).strip();
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            m.put(line.substring(0, eq).strip(), v);
        }
        return m;
    }
}
