package org.goguides.checks.parse;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKeyBase;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.BasedSequenceImpl;
import com.vladsch.flexmark.util.sequence.Range;
import com.vladsch.flexmark.util.sequence.SequenceUtils;

/**
 * What a guide may be before it is parsed, and how long parsing it may take: a guide arrives in a
 * pull request, and some inputs cost flexmark core time that grows with the square of their size
 * ({@code [a](b} unclosed thousands of times, runs of backticks, thousands of link references), nest
 * deeper than a thread's stack, or hide text from a reviewer (control and bidirectional-override
 * characters). Each is an authoring error naming the file, never a crash or a stalled build.
 */
public final class MarkdownLimits {
    /** The largest guide file, in bytes of UTF-8: 25 times the largest guide of the repository. */
    public static final int MAX_BYTES = 512 * 1024;
    /** The deepest nesting of blocks and inlines (quotes, lists, emphasis in each other) a guide may have. */
    public static final int MAX_DEPTH = 64;
    /** Lines with control characters reported one by one; more are counted. */
    private static final int MAX_CONTROL_LINES = 20;

    private MarkdownLimits() {
    }

    /** The CPU time one guide's parse may take: {@code -Dgoguides.markdown.budgetMs}, default 1 s (a 20 KB guide takes a few ms, a 500 KB one about 0.3 s). */
    public static long budgetNanos() {
        return Long.getLong("goguides.markdown.budgetMs", 1000) * 1_000_000L;
    }

    /** Thrown out of a parse that ran past its budget (no stack trace: it is expected). */
    static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("over budget", null, false, false);
        }
    }

    /**
     * The guide's text as the parser reads it, with a CPU-time budget: flexmark reads its input through
     * {@link #charAt}, so every quadratic path of its core reads it too, and is stopped here once the
     * budget is spent. {@link #disarm()} after the parse: the tree keeps reading this text.
     *
     * <p>It is flexmark's own kind of text ({@link BasedSequence}), over an array of chars, with flexmark's
     * semantics (a NUL reads as U+FFFD, offsets and sub-sequences as in flexmark's {@code CharSubSequence}):
     * flexmark reads a character of it in one call, where a {@link String} or a wrapper of one costs two (the
     * sequence, then the text), which made a guide's parse about 14 % slower, and its rendering too.
     */
    static final class Budgeted extends BasedSequenceImpl {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        /** Characters read between two looks at the clock. */
        private static final int CHECK_EVERY = 1 << 16;
        private final char[] chars;
        /** The whole text, which keeps the budget; itself for the whole text. */
        private final Budgeted root;
        private final int start;
        private final int end;
        private long deadline;
        private int countdown = CHECK_EVERY;

        Budgeted(String text, long budgetNanos) {
            this(text.toCharArray(), budgetNanos);
        }

        /** Over {@code chars}, which nobody may change while the text or its tree is in use. */
        Budgeted(char[] chars, long budgetNanos) {
            super(0);
            this.chars = chars;
            this.root = this;
            this.start = 0;
            this.end = chars.length;
            this.deadline = now() + budgetNanos;
        }

        private Budgeted(Budgeted root, int start, int end) {
            super(0);
            this.chars = root.chars;
            this.root = root;
            this.start = start;
            this.end = end;
        }

        /** No more checks: the parse is over. */
        void disarm() {
            root.deadline = Long.MAX_VALUE;
            root.countdown = Integer.MAX_VALUE;
        }

        private static long now() {
            // CPU time of this thread, so a busy machine does not fail a guide; wall time where a JVM has no thread clock
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }

        /** Called on the whole text every {@link #CHECK_EVERY} characters read. */
        private void check() {
            countdown = deadline == Long.MAX_VALUE ? Integer.MAX_VALUE : CHECK_EVERY;
            if (deadline != Long.MAX_VALUE && now() > deadline) throw new OverBudget();
        }

        @Override
        public char charAt(int index) {
            SequenceUtils.validateIndex(index, end - start);
            Budgeted r = root;
            if (--r.countdown <= 0) r.check();
            char c = chars[start + index];
            return c == 0 ? '\uFFFD' : c; // as flexmark's sequences: a NUL is never read as such
        }

        /** The characters at once, not one {@link #charAt} each; charged to the budget as that many reads. */
        @Override
        public String toString() {
            Budgeted r = root;
            if ((r.countdown -= end - start) <= 0) r.check();
            String s = new String(chars, start, end - start);
            return s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public Budgeted subSequence(int from, int to) {
            SequenceUtils.validateStartEnd(from, to, end - start);
            return root.baseSubSequence(start + from, start + to);
        }

        @Override
        public Budgeted baseSubSequence(int from, int to) {
            SequenceUtils.validateStartEnd(from, to, chars.length);
            if (from == start && to == end) return this;
            return root != this ? root.baseSubSequence(from, to) : new Budgeted(root, from, to);
        }

        @Override
        public Budgeted getBaseSequence() {
            return root;
        }

        @Override
        public Object getBase() {
            return chars;
        }

        @Override
        public int getStartOffset() {
            return start;
        }

        @Override
        public int getEndOffset() {
            return end;
        }

        @Override
        public int getIndexOffset(int index) {
            SequenceUtils.validateIndexInclusiveEnd(index, end - start);
            return start + index;
        }

        @Override
        public Range getSourceRange() {
            return Range.of(start, end);
        }

        @Override
        public int getOptionFlags() {
            return 0;
        }

        @Override
        public boolean allOptions(int options) {
            return false;
        }

        @Override
        public boolean anyOptions(int options) {
            return false;
        }

        @Override
        public <T> T getOption(DataKeyBase<T> key) {
            return key.get(null);
        }

        @Override
        public DataHolder getOptions() {
            return null;
        }
    }

    /** Reports a file over {@link #MAX_BYTES}; then it is not parsed. */
    public static boolean tooLarge(String markdown, BiConsumer<Integer, String> problem) {
        if (markdown.length() <= MAX_BYTES / 3) return false; // a char is at most 3 bytes of UTF-8
        int bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= MAX_BYTES) return false;
        problem.accept(1, "the guide is " + (bytes + 1023) / 1024 + " KiB, more than the " + MAX_BYTES / 1024
                + " KiB a guide may have (split it into several guides); it was not read further");
        return true;
    }

    /**
     * Reports every line with a control character (C0 but tab and line feed, DEL, C1) or a bidirectional
     * override or isolate (U+202A–U+202E, U+2066–U+2069), which show nothing or reorder what a reviewer sees.
     */
    public static void controlCharacters(String markdown, BiConsumer<Integer, String> problem) {
        controlCharacters(markdown.toCharArray(), problem);
    }

    /** As {@link #controlCharacters(String, BiConsumer)}, over the characters of the text (an array is read faster than a String). */
    static void controlCharacters(char[] markdown, BiConsumer<Integer, String> problem) {
        int line = 1;
        int reported = 0;
        int more = 0;
        int lastLine = 0;
        for (int i = 0, col = 1; i < markdown.length; i++, col++) {
            char c = markdown[i];
            if (c >= 0x20) {
                // almost every character: printable ASCII, or above C1 and outside the bidirectional controls
                if (c < 0x7F || c > 0x9F && (c < 0x202A || c > 0x2069)) continue;
            } else if (c == '\n') {
                line++;
                col = 0;
                continue;
            }
            if (!forbidden(c) || line == lastLine) continue;
            lastLine = line;
            if (reported < MAX_CONTROL_LINES) {
                reported++;
                problem.accept(line, "invisible character " + name(c) + " at column " + col
                        + " (control and bidirectional-override characters are not allowed in a guide: they hide or reorder text)");
            } else {
                more++;
            }
        }
        if (more > 0) problem.accept(lastLine, more + " more lines with invisible characters (the first " + MAX_CONTROL_LINES + " are listed)");
    }

    static boolean forbidden(char c) {
        return c < 0x20 && c != '\t' && c != '\n' || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** {@code U+202E} with its name where it has a short one. */
    public static String name(char c) {
        String hex = String.format("U+%04X", (int) c);
        return switch (c) {
            case 0 -> hex + " (NUL)";
            case 0x1B -> hex + " (ESC)";
            case 0x7F -> hex + " (DEL)";
            case 0x202E -> hex + " (RIGHT-TO-LEFT OVERRIDE)";
            case 0x202D -> hex + " (LEFT-TO-RIGHT OVERRIDE)";
            default -> hex;
        };
    }

    /**
     * Reports a tree nested deeper than {@link #MAX_DEPTH}, at the first node that deep; measured without recursion
     * or a stack of its own: the walk follows the tree's links, children last to first (the order it reports in).
     */
    static boolean tooDeep(Node root, BiConsumer<Integer, String> problem) {
        Node n = root;
        int d = 0;
        while (true) {
            if (d > MAX_DEPTH) {
                problem.accept(line(n), "Markdown nested more than " + MAX_DEPTH
                        + " levels deep (quotes, lists and emphasis inside each other); flatten it");
                return true;
            }
            if (n.getLastChild() != null) {
                n = n.getLastChild();
                d++;
                continue;
            }
            while (n != root && n.getPrevious() == null) {
                n = n.getParent();
                d--;
            }
            if (n == root) return false;
            n = n.getPrevious();
        }
    }

    /** The 1-based line a node starts on, 1 for one without a place in the text. */
    static int line(Node n) {
        try {
            return n.getChars().isNull() ? 1 : n.getStartLineNumber() + 1;
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
