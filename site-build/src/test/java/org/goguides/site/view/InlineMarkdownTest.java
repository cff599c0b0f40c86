package org.goguides.site.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The plain-text shortcut of {@link InlineMarkdown} gives what flexmark gives, for every text it takes. */
class InlineMarkdownTest {
    /** Characters a summary may have: every printable ASCII one, spaces, Chinese text and punctuation. */
    private static final String ALPHABET = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~  \t中文，。：“”（）—…　\u00a0é";

    @Test
    void theShortcutMatchesTheParserOnRandomText() {
        Random r = new Random(17);
        int plain = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + r.nextInt(40);
            for (int i = 0; i < len; i++) b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            String s = b.toString().strip();
            if (s.isEmpty() || !InlineMarkdown.isPlain(s)) continue;
            plain++;
            assertSame(s);
        }
        assertTrue(plain > 1_000, "too few plain samples to mean anything: " + plain);
    }

    @Test
    void theShortcutMatchesTheParserOnEverySummaryOfTheRepository() throws IOException {
        List<String> summaries = new ArrayList<>();
        Path content = Path.of("../content/guides");
        try (Stream<Path> files = Files.walk(content)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.startsWith("summary:")) summaries.add(unquote(line.substring("summary:".length()).strip()));
                }
            }
        }
        assertTrue(summaries.size() >= 10, "summaries found: " + summaries.size());
        for (String s : summaries) if (InlineMarkdown.isPlain(s)) assertSame(s);
    }

    @Test
    void markdownIsNotTakenForPlainText() {
        for (String s : List.of("`go env`", "*a*", "a_b", "[x](y)", "![i](j)", "<b>", "a & b", "a\\b", "# h", "- item", "+ item",
                "1. first", "= x", "a\nb")) {
            assertFalse(InlineMarkdown.isPlain(s), s);
        }
        assertTrue(InlineMarkdown.isPlain("Install Go 1.26 on \"Linux\"; 安装 Go：不需要 root。"));
        assertEquals("Install &quot;Go&quot;", InlineMarkdown.html("Install \"Go\""));
    }

    private static void assertSame(String s) {
        String[] parsed = InlineMarkdown.parsed(s);
        String[] shortcut = {InlineMarkdown.html(s), InlineMarkdown.text(s)};
        assertArrayEquals(parsed, shortcut, () -> "for [" + s + "]: parser " + String.join(" / ", parsed));
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) return v.substring(1, v.length() - 1);
        return v;
    }
}
