package org.goguides.site.render;

import java.nio.charset.StandardCharsets;

import org.goguides.site.view.Verification;

/**
 * A guide's verification as a README badge: an SVG image and a shields.io endpoint JSON
 * ({@code https://img.shields.io/endpoint?url=…/badges/<slug>.json}). Both say how many of the
 * guide's executed steps are verified, red when any failed.
 */
public final class GuideBadge {
    private GuideBadge() {
    }

    /** What a badge says: verified, failed and executed steps of one guide translation. */
    public record Counts(int passed, int failed, int steps) {
    }

    /** The badge counts from a guide page's counts per readers' status, as {@link Verification#guideTally} counts them. */
    public static Counts counts(java.util.List<org.goguides.site.view.Views.CountView> perStatus) {
        Verification.Tally t = Verification.guideTally(perStatus);
        return new Counts(t.passed(), t.failed(), t.steps());
    }

    public static byte[] json(Counts c) {
        return json(c.passed(), c.failed(), c.steps());
    }

    public static byte[] svg(Counts c) {
        return svg(c.passed(), c.failed(), c.steps());
    }

    /** @param passed verified steps; @param failed failed steps; @param steps executed steps */
    public static String message(int passed, int failed, int steps) {
        return failed > 0 ? failed + " failed, " + passed + "/" + steps + " verified" : passed + "/" + steps + " verified";
    }

    public static String color(int passed, int failed, int steps) {
        if (failed > 0) return "#cf222e";
        if (steps > 0 && passed == steps) return "#1a7f37";
        return passed > 0 ? "#9a6700" : "#6e7781";
    }

    public static byte[] json(int passed, int failed, int steps) {
        String c = color(passed, failed, steps).substring(1);
        return ("{\"schemaVersion\":1,\"label\":\"steps\",\"message\":\"" + message(passed, failed, steps) + "\",\"color\":\"" + c
                + "\",\"cacheSeconds\":3600}\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] svg(int passed, int failed, int steps) {
        String label = "steps";
        String msg = message(passed, failed, steps);
        int lw = 10 + 7 * label.length();
        int mw = 10 + 7 * msg.length();
        String color = color(passed, failed, steps);
        // concatenated, not String.format: a large site makes a badge per guide
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (lw + mw) + "\" height=\"20\" role=\"img\" aria-label=\""
                + label + ": " + msg + "\">\n"
                + "<title>" + label + ": " + msg + "</title>\n"
                + "<rect width=\"" + lw + "\" height=\"20\" fill=\"#555\"/><rect x=\"" + lw + "\" width=\"" + mw + "\" height=\"20\" fill=\""
                + color + "\"/>\n"
                + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" text-anchor=\"middle\">\n"
                + "<text x=\"" + lw / 2 + "\" y=\"14\">" + label + "</text><text x=\"" + (lw + mw / 2) + "\" y=\"14\">" + msg + "</text>\n"
                + "</g>\n"
                + "</svg>\n";
        return svg.getBytes(StandardCharsets.UTF_8);
    }
}
