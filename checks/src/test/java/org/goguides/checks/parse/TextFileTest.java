package org.goguides.checks.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authored text as an editor shows it: UTF-8 without a byte-order mark, LF line ends, a bad byte reported at its line. */
class TextFileTest {
    @Test
    void aBadByteIsReportedAtItsLineAndAReplacementCharacterOfTheFileIsNot(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.md");
        Files.write(f, new byte[] {'a', '\n', 'b', '\n', 'c', (byte) 0xFF, '\n'});
        assertEquals(new TextFile.Text("a\nb\nc\uFFFD\n", 3), TextFile.read(f));
        Files.write(f, "\uFEFFa\r\nb\rc \uFFFD 中文\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(new TextFile.Text("a\nb\nc \uFFFD 中文\n", 0), TextFile.read(f));
    }
}
