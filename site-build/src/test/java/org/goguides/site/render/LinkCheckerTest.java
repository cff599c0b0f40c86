package org.goguides.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Links resolve the same by the shortcut for plain site paths and fragments as by the URI rules. */
class LinkCheckerTest {
    private static final Map<String, LinkChecker.PageLinks> PAGES = Map.of(
            "zh/go/index.html", new LinkChecker.PageLinks("zh/go/index.html", List.of(), Set.of("step-s1", "a.b", "x_y")),
            "zh/index.html", new LinkChecker.PageLinks("zh/index.html", List.of(), Set.of("group-1")),
            "index.html", new LinkChecker.PageLinks("index.html", List.of(), Set.of()),
            "en/go/index.html", new LinkChecker.PageLinks("en/go/index.html", List.of(), Set.of("step-s1")));
    private static final Set<String> FILES = Set.of("assets/site.abc.css", "search/zh.json", ".well-known/x");
    private static final String[] PARTS = {"/", "#", ".", "..", "zh", "en", "go", "step-s1", "a.b", "x_y", "group-1", "index.html",
            "assets", "site.abc.css", "search", "zh.json", "%7E", "~", "?q", ":", "http:", "//", "mailto:a", " ", "中", ".well-known", "x"};

    @Test
    void theShortcutAgreesWithTheUriRules() {
        Random r = new Random(3);
        int shortcut = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            if (r.nextInt(3) > 0) b.append(r.nextBoolean() ? "/" : "#");
            for (int k = r.nextInt(6); k >= 0; k--) b.append(PARTS[r.nextInt(PARTS.length)]);
            String ref = b.toString();
            if (ref.isEmpty()) continue;
            if (LinkChecker.simple(ref) >= 0) shortcut++;
            for (String page : PAGES.keySet()) {
                assertEquals(LinkChecker.resolvesByUri(page, ref, PAGES, FILES), LinkChecker.resolves(page, ref, PAGES, FILES),
                        () -> page + " -> " + ref);
            }
        }
        assertTrue(shortcut > 5_000, "too few links took the shortcut to mean anything: " + shortcut);
    }

    @Test
    void brokenLinksAreFound() {
        assertEquals(List.of("zh/go/index.html: broken link #nope", "zh/go/index.html: broken link /zh/gone/",
                        "zh/go/index.html: broken link /zh/index.html#group-2"),
                LinkChecker.resolve(List.of(new LinkChecker.PageLinks("zh/go/index.html",
                        List.of("#step-s1", "#nope", "/zh/gone/", "/zh/#group-1", "/zh/index.html#group-2", "/assets/site.abc.css", "../../en/go/#step-s1"),
                        Set.of("step-s1")), PAGES.get("zh/index.html"), PAGES.get("en/go/index.html")), FILES));
    }

    @Test
    void aLargeSitesBrokenLinksAreFoundInPageOrder() {
        List<LinkChecker.PageLinks> pages = new java.util.ArrayList<>();
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String page = "zh/p" + i + "/index.html";
            List<String> refs = List.of("/zh/p" + (i + 1) + "/", "#s" + i, "#missing", "/zh/p" + (i * 7 % 5_003) + "/#s" + (i * 7 % 5_003));
            pages.add(new LinkChecker.PageLinks(page, refs, Set.of("s" + i)));
            for (String ref : refs) {
                int target = ref.startsWith("#") ? i : Integer.parseInt(ref.substring(5, ref.indexOf('/', 5)));
                boolean ok = target < 5_000 && (!ref.contains("#") || ref.endsWith("#s" + target));
                if (!ok) expected.add(page + ": broken link " + ref);
            }
        }
        assertEquals(expected, LinkChecker.resolve(pages, Set.of()));
    }
}
