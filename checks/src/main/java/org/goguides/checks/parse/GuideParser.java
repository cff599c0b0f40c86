package org.goguides.checks.parse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import org.goguides.checks.host.PlatformCatalog;
import org.goguides.checks.model.ExitExpectation;
import org.goguides.checks.model.ExpectedOutput;
import org.goguides.checks.model.FrontMatter;
import org.goguides.checks.model.Guide;
import org.goguides.checks.model.MatchMode;
import org.goguides.checks.model.Problem;
import org.goguides.checks.model.Snippet;
import org.goguides.checks.model.SnippetKind;
import org.goguides.checks.model.StepOptions;
import org.goguides.checks.model.SourcePos;
import org.goguides.checks.model.TranscriptStep;

/**
 * Parses one guide file into a {@link Guide}: front matter, snippets with their attributes,
 * output blocks and console transcripts, read from the tree of the guides' dialect ({@link GuideMarkdown});
 * {@code read} also hands that tree on, for the site to render without a second parse. Authoring errors are
 * collected into the given list; the parser never throws on bad input.
 */
public final class GuideParser {
    private final PlatformCatalog catalog;

    public GuideParser(PlatformCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param file the guide on disk
     * @param displayPath the path to print in messages
     * @param slug the guide's folder name
     * @param locale the language from the file name
     * @param problems receives every authoring error
     */
    public Guide parse(Path file, String displayPath, String slug, String locale, List<Problem> problems) {
        return read(file, displayPath, slug, locale, problems).guide();
    }

    /** As {@link #parse(Path, String, String, String, List)}, with the tree the guide was read from, for a caller that renders it. */
    public ParsedGuide read(Path file, String displayPath, String slug, String locale, List<Problem> problems) {
        TextFile.Text text;
        try {
            text = TextFile.read(file);
        } catch (IOException e) {
            problems.add(Problem.at(displayPath, 1, "cannot read the file: " + e.getMessage()));
            return new ParsedGuide(new Guide(slug, locale, file, displayPath, new FrontMatter("", "", List.of()), "", List.of()), null);
        }
        if (text.invalidUtf8Line() > 0) {
            problems.add(Problem.at(displayPath, text.invalidUtf8Line(), "the file is not valid UTF-8 (save it as UTF-8)"));
        }
        return read(text.text(), file, displayPath, slug, locale, problems);
    }

    /** Parses already normalised text (see {@link TextFile#normalize}). */
    public Guide parse(String markdown, Path file, String displayPath, String slug, String locale, List<Problem> problems) {
        return read(markdown, file, displayPath, slug, locale, problems).guide();
    }

    /**
     * As {@link #parse(String, Path, String, String, String, List)}, with the tree ({@link GuideMarkdown}) the guide
     * was read from: its blocks are read here, before the tree is handed on, so a renderer may change it.
     */
    public ParsedGuide read(String markdown, Path file, String displayPath, String slug, String locale, List<Problem> problems) {
        java.util.function.BiConsumer<Integer, String> problem = (line, msg) -> problems.add(Problem.at(displayPath, line, msg));
        if (MarkdownLimits.tooLarge(markdown, problem)) return unparsed(slug, locale, file, displayPath, markdown);
        char[] chars = markdown.toCharArray();
        MarkdownLimits.controlCharacters(chars, problem);
        FrontMatter meta = FrontMatterParser.parse(markdown, catalog, problem::accept);
        Document doc;
        MarkdownLimits.Budgeted text = new MarkdownLimits.Budgeted(chars, MarkdownLimits.budgetNanos());
        try {
            doc = GuideMarkdown.PARSER.parse(text);
        } catch (MarkdownLimits.OverBudget e) {
            problem.accept(1, "the Markdown takes too long to parse (more than " + MarkdownLimits.budgetNanos() / 1_000_000
                    + " ms of CPU; long runs of unclosed links, backticks or brackets, or thousands of link references, cost time"
                    + " that grows with their square): simplify it");
            return unparsed(slug, locale, file, displayPath, markdown);
        } catch (StackOverflowError e) {
            problem.accept(1, "the Markdown is nested too deeply to parse (quotes or lists inside each other; at most "
                    + MarkdownLimits.MAX_DEPTH + " levels)");
            return unparsed(slug, locale, file, displayPath, markdown);
        } finally {
            text.disarm();
        }
        if (MarkdownLimits.tooDeep(doc, problem)) return unparsed(slug, locale, file, displayPath, markdown);
        List<Snippet> snippets = new Walker(displayPath, slug, locale, meta, problems).walk(doc);
        titleHeading(doc, meta, problem);
        return new ParsedGuide(new Guide(slug, locale, file, displayPath, meta, markdown, snippets), doc);
    }

    /**
     * The page shows the front matter's title and leaves out a {@code # h1} that opens the body (see
     * MarkdownRenderer): one that says something else would be lost without a word, so it is an error.
     */
    private static void titleHeading(Document doc, FrontMatter meta, java.util.function.BiConsumer<Integer, String> problem) {
        Node lead = doc.getFirstChild();
        while (lead instanceof com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock) lead = lead.getNext();
        if (!(lead instanceof Heading h) || h.getLevel() != 1 || meta.title().isBlank()) return;
        String heading = h.getText().toString();
        if (!plain(heading).equals(plain(meta.title()))) {
            problem.accept(h.getStartLineNumber() + 1, "the heading \"# " + heading.strip() + "\" differs from the title \"" + meta.title()
                    + "\" (the page shows the title and leaves this heading out: remove it, or make it the title)");
        }
    }

    /** Text without emphasis and code marks, whitespace collapsed, for comparing a heading with a title. */
    private static String plain(String s) {
        return s.replaceAll("[*_`\\\\]", "").replaceAll("\\s+", " ").strip();
    }

    /** A guide that was not parsed (too large, too slow or too deep): its problem says why; no tree, no snippets. */
    private static ParsedGuide unparsed(String slug, String locale, Path file, String displayPath, String markdown) {
        return new ParsedGuide(new Guide(slug, locale, file, displayPath, new FrontMatter("", "", List.of()), markdown, List.of()), null);
    }

    /** Walks the document in order, keeping the nearest heading for derived ids. */
    private final class Walker {
        private final String path;
        private final String slug;
        private final String locale;
        private final FrontMatter meta;
        private final List<Problem> problems;
        private final List<Snippet> snippets = new ArrayList<>();
        private final Map<String, Integer> idLines = new HashMap<>();
        private final Map<String, Integer> perHeading = new HashMap<>();
        private String heading = "";
        private Pending pending;

        /** A snippet that may still receive an output block. */
        private final class Pending {
            final FencedCodeBlock block;
            final SnippetBuilder b;
            final String id;
            final boolean explicit;
            final String code;
            final int line;
            ExpectedOutput expected;
            FencedCodeBlock outputBlock;
            String example;
            int exampleLine;

            Pending(FencedCodeBlock block, SnippetBuilder b, String id, boolean explicit, String code, int line) {
                this.block = block;
                this.b = b;
                this.id = id;
                this.explicit = explicit;
                this.code = code;
                this.line = line;
            }
        }

        Walker(String path, String slug, String locale, FrontMatter meta, List<Problem> problems) {
            this.path = path;
            this.slug = slug;
            this.locale = locale;
            this.meta = meta;
            this.problems = problems;
        }

        List<Snippet> walk(Node root) {
            visit(root);
            flush();
            return snippets;
        }

        private void visit(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof LinkNodeBase l) {
                    url(child, child instanceof Image || child instanceof ImageRef ? "image" : "link", l.getUrl().unescape());
                } else if (child instanceof AutoLink a) {
                    url(child, "link", a.getUrl().unescape());
                }
                if (child instanceof Heading h) {
                    heading = slugify(h.getText().toString());
                } else if (child instanceof FencedCodeBlock b) {
                    block(b);
                    continue;
                } else if (child instanceof com.vladsch.flexmark.ast.IndentedCodeBlock ib) {
                    indentedFence(ib);
                    continue;
                }
                visit(child);
            }
        }

        /** Reports a link target a page must not carry ({@link SafeUrl}). */
        private void url(Node node, String what, String url) {
            String msg = SafeUrl.problem(what, url);
            if (msg != null) problems.add(Problem.at(path, MarkdownLimits.line(node), msg));
        }

        private void block(FencedCodeBlock block) {
            int line = block.getStartLineNumber() + 1;
            Consumer<String> problem = msg -> problems.add(Problem.at(path, line, msg));
            InfoString info = InfoString.parse(block.getInfo().toString());
            String code = body(block);
            if (info.lang().equals("output")) {
                output(block, info, code, line, problem);
                return;
            }
            if (info.lang().equals("example")) {
                example(block, info, code, line, problem);
                return;
            }
            flush();
            SnippetBuilder b = new SnippetBuilder(info, problem);
            b.checkApplicable();
            String id = b.id();
            boolean explicit = id != null;
            if (!b.kind.executable() && !explicit) {
                // shown-only blocks get a positional id so the page can still address them
                id = "display-" + line;
            } else if (id == null) {
                String base = heading.isEmpty() ? "snippet" : heading;
                int n = perHeading.merge(base, 1, Integer::sum);
                id = base + "-" + n;
            }
            Integer first = idLines.putIfAbsent(id, line);
            if (first != null) {
                problem.accept("duplicate id \"" + id + "\" (first used at " + path + ":" + first + "; ids must be unique within a guide)");
            }
            pending = new Pending(block, b, id, explicit, code, line);
        }

        private void output(FencedCodeBlock block, InfoString info, String code, int line, Consumer<String> problem) {
            info.errors().forEach(problem);
            Map<String, String> attrs = new HashMap<>();
            for (InfoString.Attribute a : info.attributes()) {
                if (!a.key().equals("match")) {
                    problem.accept("unknown attribute \"" + a.key() + "\" on an output block (allowed: match)");
                } else {
                    attrs.put(a.key(), a.value() == null ? "" : a.value());
                }
            }
            MatchMode mode = SnippetBuilder.matchMode(attrs, problem);
            boolean adjacent = pending != null && block.getPrevious() == pending.block;
            if (!adjacent) {
                problem.accept("output block with no snippet right before it (put it directly after the sh, bash, shell or go block it belongs to)");
                return;
            }
            if (pending.expected != null) {
                problem.accept("a second output block for the same snippet (one output block per snippet)");
                return;
            }
            SnippetKind k = pending.b.kind;
            if (k == SnippetKind.CONSOLE) {
                problem.accept("a console transcript carries its own output (write it under the $ line, not in an output block)");
                return;
            }
            if (k != SnippetKind.SHELL && k != SnippetKind.GO_RUN) {
                problem.accept("output block after a block that is not run (output follows sh, bash, shell or go run blocks)");
                return;
            }
            ExpectedOutput out = new ExpectedOutput(code, mode, line + 1);
            SnippetBuilder.checkRegex(out, problem);
            pending.expected = out;
            pending.outputBlock = block;
        }

        /** An {@code example} block: what readers see instead of a checked output that has patterns or varies. */
        private void example(FencedCodeBlock block, InfoString info, String code, int line, Consumer<String> problem) {
            if (!info.attributes().isEmpty() || !info.errors().isEmpty()) problem.accept("an example block takes no attributes (write ```example)");
            boolean adjacent = pending != null && (block.getPrevious() == pending.block
                    || (pending.outputBlock != null && block.getPrevious() == pending.outputBlock));
            if (!adjacent) {
                problem.accept("example block with no checked step right before it (put it directly after the output block "
                        + "or console transcript whose output it illustrates)");
            } else if (pending.example != null) {
                problem.accept("a second example block for the same step (one example per step)");
            } else if (pending.b.kind != SnippetKind.CONSOLE && pending.expected == null) {
                problem.accept("an example stands in for checked output, and this step has none (add an output block before it, "
                        + "or use a console transcript)");
            } else {
                pending.example = code;
                pending.exampleLine = line;
            }
        }

        /** An example must be output the check would accept, so readers never see what the guide does not verify. */
        private void checkExample(Pending p, List<TranscriptStep> steps) {
            Consumer<String> problem = msg -> problems.add(Problem.at(path, p.exampleLine, msg));
            if (p.b.kind != SnippetKind.CONSOLE) {
                if (!org.goguides.checks.model.OutputMatcher.match(p.expected, p.example).matched()) {
                    problem.accept("the example does not match the expected output at line " + p.expected.line()
                            + " (an example must be an output the check accepts; run check and copy the real output)");
                }
                return;
            }
            List<TranscriptStep> shown = TranscriptParser.parse(p.example, p.exampleLine + 1, MatchMode.EXACT, (l, m) -> problem.accept(m));
            if (shown.size() != steps.size()) {
                problem.accept("the example has " + shown.size() + " commands, the transcript " + steps.size()
                        + " (an example repeats the transcript's commands with real output)");
                return;
            }
            for (int i = 0; i < steps.size(); i++) {
                TranscriptStep want = steps.get(i);
                TranscriptStep got = shown.get(i);
                if (!want.command().equals(got.command()) || !want.exit().accepts(got.exit().code())
                        || !org.goguides.checks.model.OutputMatcher.match(want.expected(), got.expected().text()).matched()) {
                    problem.accept("the example's command " + (i + 1) + " ($ " + got.command().split("\n")[0]
                            + ") does not match the transcript at line " + want.line()
                            + " (an example must be an output the check accepts; run check and copy the real output)");
                    return;
                }
            }
        }

        private void flush() {
            if (pending == null) return;
            Pending p = pending;
            pending = null;
            SnippetBuilder b = p.b;
            Consumer<String> problem = msg -> problems.add(Problem.at(path, p.line, msg));
            List<TranscriptStep> steps = List.of();
            if (b.kind == SnippetKind.CONSOLE) {
                MatchMode mode = SnippetBuilder.matchMode(b.attrs, problem);
                steps = TranscriptParser.parse(p.code, p.line + 1, mode, (l, m) -> problems.add(Problem.at(path, l, m)));
                for (TranscriptStep s : steps) {
                    SnippetBuilder.checkRegex(s.expected(), m -> problems.add(Problem.at(path, s.expected().line(), m)));
                }
            }
            if (b.kind == SnippetKind.SHELL) promptInScript(p);
            ExitExpectation exit = b.exit();
            if (b.kind == SnippetKind.CONSOLE && b.attrs.containsKey("exit")) {
                problem.accept("exit= has no effect on a console transcript (end a command's output with a line [N])");
            }
            String file = b.file();
            String skip = b.skipReason();
            String shell = b.shell();
            List<String> after = b.after();
            for (String a : after) {
                boolean earlier = snippets.stream().anyMatch(e -> e.id().equals(a) && e.executable());
                if (a.equals(p.id)) problem.accept("after=" + a + " names this step itself (name earlier steps it builds on)");
                else if (!earlier) problem.accept("after=" + a + ": no earlier executed step with that id in this guide ("
                        + Suggest.didYouMean(a, snippets.stream().filter(Snippet::executable).map(Snippet::id).toList())
                        + "a step runs after the steps it names, in this file)");
            }
            String hash = SnippetBuilder.hash(b.lang, p.code, exit, p.expected, steps, file, b.attrs.containsKey("run"), shell);
            if (p.example != null) checkExample(p, steps);
            Snippet.Shown shown = new Snippet.Shown(b.highlight(p.code.isEmpty() ? 0 : p.code.split("\n", -1).length), p.example);
            snippets.add(new Snippet(slug, locale, p.id, p.explicit, b.lang, b.kind, p.code, new SourcePos(path, p.line),
                    b.requirements(meta.platforms(), catalog), exit, p.expected, steps, b.timeout(), file, b.session(), skip, hash, shown,
                    new StepOptions(shell, after)));
        }

        /** A fence indented too far (a tab counts as 4 columns) is read as indented code: it would never run. */
        private void indentedFence(com.vladsch.flexmark.ast.IndentedCodeBlock block) {
            String first = block.getChars().toString().split("\n", 2)[0];
            String raw = block.getDocument().getChars().toString().split("\n", -1)[block.getStartLineNumber()];
            if (!first.strip().startsWith("```") && !first.strip().startsWith("~~~")) return;
            String shown = org.goguides.checks.model.OutputMatcher.visible(raw.substring(0, raw.length() - raw.stripLeading().length()))
                    + raw.stripLeading();
            problems.add(Problem.at(path, block.getStartLineNumber() + 1, "this fence is indented too far, so Markdown reads it as "
                    + "indented code and it is never run: \"" + shown + "\" (→ is a tab, · a space; a tab counts as 4 columns: "
                    + "indent a fence by at most 3 spaces, or inside a list by its item's text width)"));
        }

        /** A {@code $ } prompt in a script is typed text, not a command: bash would say "$: command not found". */
        private void promptInScript(Pending p) {
            String[] lines = p.code.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("$ ") || lines[i].equals("$")) {
                    problems.add(Problem.at(path, p.line + 1 + i, "a " + p.b.lang + " block is run as a script, and \"$ \" is a prompt, "
                            + "not a command (use a console block for commands with their output, or drop the \"$ \")"));
                    return;
                }
            }
        }

        /** The block's text without its last line break. */
        private String body(FencedCodeBlock block) {
            String code = block.getContentChars().toString();
            return code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
        }
    }

    /** The id part derived from a heading: lower case, spaces to dashes, punctuation dropped. */
    static String slugify(String heading) {
        String s = heading.strip().toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) b.appendCodePoint(cp);
            // a run of dashes (with what is dropped between them) is one dash, and none leads
            else if ((cp == ' ' || cp == '-' || cp == '_') && b.length() > 0 && b.charAt(b.length() - 1) != '-') b.append('-');
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) == '-') b.setLength(b.length() - 1);
        return b.toString();
    }
}
