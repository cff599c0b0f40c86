package org.goguides.checks.host;

/** Compares Go versions such as {@code go1.26.8}, {@code 1.22}, {@code go1.23rc1}. */
public final class GoVersion {
    private GoVersion() {
    }

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}; missing parts count as 0. */
    public static int compare(String a, String b) {
        int[] x = parts(a);
        int[] y = parts(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) return Integer.compare(x[i], y[i]);
        }
        return 0;
    }

    static int[] parts(String v) {
        String s = v.startsWith("go") ? v.substring(2) : v;
        int[] out = new int[3];
        String[] p = s.split("\\.");
        for (int i = 0; i < Math.min(3, p.length); i++) {
            String digits = p[i].replaceAll("^(\\d+).*", "$1");
            out[i] = digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
        }
        return out;
    }
}
