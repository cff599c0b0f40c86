package org.goguides.site.render;

import org.goguides.site.view.Highlighter;

/**
 * The page left at a guide's old URL (a front matter alias): it sends browsers on at once and tells search
 * engines where the page lives now. Netlify answers the same paths with a 301 from {@code _redirects}
 * first; the page serves every other host. No script, so the site's CSP holds.
 */
public final class Redirects {
    private Redirects() {
    }

    /**
     * @param canonical the new page's absolute URL (or its path without a site URL)
     * @param target the new page's path
     * @param title the guide's title
     */
    public static String page(String canonical, String target, String title, String siteTitle) {
        String t = Highlighter.escape(title);
        String href = Highlighter.escape(target).replace("\"", "&quot;");
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + t + " · " + Highlighter.escape(siteTitle)
                + "</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\""
                + Highlighter.escape(canonical).replace("\"", "&quot;") + "\">\n<meta http-equiv=\"refresh\" content=\"0; url=" + href
                + "\">\n</head>\n<body>\n<p><a href=\"" + href + "\">" + t + "</a></p>\n</body>\n</html>\n";
    }
}
