package org.goguides.site.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nu.validator.client.EmbeddedValidator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the fixture site (guides, indexes, overviews, 404s, the language choice, redirect pages)
 * through the Nu HTML Checker, the W3C's validator, embedded: no errors.
 */
class HtmlValidityBrowserIT {
    @Test
    void everyPageIsValidHtml() throws Exception {
        SiteFixture.get();
        List<Path> pages;
        try (Stream<Path> s = Files.walk(SiteFixture.SITE)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() >= 10, "pages: " + pages);
        EmbeddedValidator v = new EmbeddedValidator();
        v.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        List<String> errors = new ArrayList<>();
        for (Path p : pages) errors.addAll(errors(v, p));
        assertEquals(List.of(), errors);
    }

    @Test
    void theCheckerReportsInvalidHtml(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!doctype html><html lang=en><title>x</title><p><div id=a></span><div id=a></div>", java.nio.charset.StandardCharsets.UTF_8);
        EmbeddedValidator v = new EmbeddedValidator();
        v.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        assertTrue(errors(v, bad).size() >= 2, "a stray end tag and a duplicate id are errors");
    }

    private static List<String> errors(EmbeddedValidator v, Path page) throws IOException, org.xml.sax.SAXException {
        List<String> out = new ArrayList<>();
        for (String line : v.validate(page).split("\n")) {
            if (line.contains(": error:") || line.contains(": fatal:")) out.add(page.getFileName() + " " + line);
        }
        return out;
    }
}
