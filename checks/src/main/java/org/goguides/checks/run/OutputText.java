package org.goguides.checks.run;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns raw process output into text that is safe to compare, store and show: UTF-8 with invalid
 * bytes replaced, terminal escape sequences removed, CR LF as LF, and other control characters
 * replaced by U+FFFD so binary output cannot corrupt a results file or a page.
 */
public final class OutputText {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");

    private OutputText() {
    }

    public static String decode(byte[] bytes) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        return clean(s);
    }

    public static String clean(String s) {
        s = ANSI.matcher(s).replaceAll("");
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7F ? '\uFFFD' : c);
        }
        return b.toString();
    }

    /** The first {@code maxLines} lines, with a note saying how many more there were. */
    public static String headLines(String s, int maxLines) {
        String[] lines = s.split("\n", -1);
        if (lines.length <= maxLines) return s;
        return String.join("\n", java.util.Arrays.copyOfRange(lines, 0, maxLines)) + "\n…[" + (lines.length - maxLines) + " more lines]\n";
    }

    /** At most {@code max} characters, with a note saying how much was left out. */
    public static String cap(String s, int max) {
        if (s.length() <= max) return s;
        return s.substring(0, max) + "\n…[" + (s.length() - max) + " more characters not kept]";
    }
}
