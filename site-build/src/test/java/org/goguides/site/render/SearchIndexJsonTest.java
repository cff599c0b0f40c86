package org.goguides.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.junit.jupiter.api.Test;

/** The search index's entries are the bytes Jackson's generator wrote for them before it was written by hand. */
class SearchIndexJsonTest {
    private static final String CHARS = "\u3000\u001c  aZ09 \"\\/<>&'\u0000\u0001\u0008\t\n\u000b\f\r\u001f\u007f\u0080é中，\u2028\ud83d\ude00";

    @Test
    void entriesAreWhatJacksonWrote() throws IOException {
        Random r = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            String url = "/zh/" + text(r) + "/";
            String title = text(r);
            String summary = r.nextBoolean() ? text(r) : "";
            List<MarkdownRenderer.Section> sections = List.of(new MarkdownRenderer.Section("", "", text(r)),
                    new MarkdownRenderer.Section("a-" + n, text(r), text(r)), new MarkdownRenderer.Section("b", "", ""));
            assertArrayEquals(jackson(url, title, summary, sections), SearchIndex.page(url, title, summary, sections), title);
        }
    }

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) b.append(CHARS.charAt(r.nextInt(CHARS.length())));
        return b.toString();
    }

    /** The page's entries as the build wrote them with Jackson's streaming generator. */
    private static byte[] jackson(String url, String title, String summary, List<MarkdownRenderer.Section> sections) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().setRootValueSeparator(null).createGenerator(bytes)) {
            boolean first = true;
            boolean any = false;
            for (MarkdownRenderer.Section s : sections) {
                String text = collapse(first && summary != null && !summary.isBlank() ? summary + " " + s.text() : s.text()).strip();
                if (!first && s.heading().isEmpty() && text.isEmpty()) continue;
                if (any) g.writeRaw(',');
                any = true;
                g.writeStartObject();
                g.writeStringField("u", s.anchor().isEmpty() ? url : url + "#" + s.anchor());
                g.writeStringField("t", title);
                g.writeStringField("h", s.heading());
                g.writeStringField("x", text);
                g.writeEndObject();
                first = false;
            }
        }
        return bytes.toByteArray();
    }

    /** The search text's whitespace as the build made it before: each run of ASCII whitespace one space. */
    private static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\x0B\\f\\r]+", " ");
    }
}
