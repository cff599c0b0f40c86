package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfoStringTest {
    /** Input | language | attributes as key=value; ... | errors. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "sh | sh | | ",
            "sh {#check-go os=linux,darwin timeout=30s} | sh | id=check-go; os=linux,darwin; timeout=30s | ",
            "go file=main.go | go | file=main.go | ",
            "sh {network root} | sh | network; root | ",
            "sh {skip=\"needs a GUI 图形界面\"} | sh | skip=needs a GUI 图形界面 | ",
            "sh {skip=\"say \\\"hi\\\"\"} | sh | skip=say \"hi\" | ",
            "console{#x} | console | id=x | ",
            "sh {#a | sh | id=a | unclosed attributes: \"{#a\" has no closing } (write {key=value ...})",
            "sh {k=\"open} | sh | k=open | unclosed quote in k=\"open (close it with \")",
            "sh =v | sh | | attribute with no name before = (write key=value)",
    })
    void tokenizes(String input, String lang, String attrs, String errors) {
        InfoString s = InfoString.parse(input);
        assertEquals(lang, s.lang());
        String got = String.join("; ", s.attributes().stream().map(a -> a.value() == null ? a.key() : a.key() + "=" + a.value()).toList());
        assertEquals(attrs == null ? "" : attrs, got);
        assertEquals(errors == null ? List.of() : List.of(errors), s.errors());
    }
}
