package org.goguides.checks.report;


/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,title=…::message}), escaped as the
 * runner expects: in the message {@code %}, CR and LF become {@code %25}, {@code %0D}, {@code %0A};
 * in a property also {@code :} and {@code ,} ({@code %3A}, {@code %2C}). Other control characters
 * (ESC, bidi overrides …) are made visible as in {@link TerminalText}, since the log would act on them.
 */
public final class WorkflowCommands {
    private WorkflowCommands() {
    }

    /** An annotation: {@code kind} is error, warning or notice; {@code line} below 1 leaves it out. */
    public static String annotation(String kind, String file, int line, String title, String message) {
        StringBuilder b = new StringBuilder("::").append(kind).append(' ');
        b.append("file=").append(property(file));
        if (line >= 1) b.append(",line=").append(line);
        if (title != null && !title.isEmpty()) b.append(",title=").append(property(title));
        return b.append("::").append(data(message)).toString();
    }

    /** A message: {@code %}, CR, LF escaped. */
    public static String data(String s) {
        return controls(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as {@link #data}, and {@code :} and {@code ,}. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String controls(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c == '\r' ? "\r" : TerminalText.visible(String.valueOf(c)));
        }
        return b.toString();
    }
}
