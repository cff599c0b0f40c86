package org.goguides.checks.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an authored text file as UTF-8: strips a byte-order mark and turns CRLF and CR into LF,
 * so line numbers match what an editor shows. Invalid UTF-8 is replaced and reported, never fatal.
 */
public final class TextFile {
    private TextFile() {
    }

    /** The decoded text and, if the bytes were not valid UTF-8, the 1-based line of the first bad byte (else 0). */
    public record Text(String text, int invalidUtf8Line) {
    }

    public static Text read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        // valid UTF-8 decodes without a replacement character; with one, the strict decoder tells the file's own from a bad byte
        int badLine = text.indexOf('\uFFFD') >= 0 ? invalidLine(bytes, text) : 0;
        return new Text(normalize(text), badLine);
    }

    /** The 1-based line of the first malformed byte of {@code bytes} ({@code text} is their lenient decoding), 0 if they are valid UTF-8. */
    private static int invalidLine(byte[] bytes, String text) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return 0;
        } catch (CharacterCodingException e) {
            int idx = text.indexOf('\uFFFD');
            return 1 + (int) text.substring(0, Math.max(idx, 0)).chars().filter(c -> c == '\n').count();
        }
    }

    /** Without a BOM, with LF line endings. */
    public static String normalize(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
