package org.goguides.site.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.anchorlink.AnchorLink;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import org.goguides.checks.parse.GuideMarkdown;
import org.goguides.site.view.Views.TocEntry;

/**
 * A guide body from the tree of its one parse ({@link GuideMarkdown}, the guides' Markdown: CommonMark, GFM tables,
 * strikethrough and emphasis that works next to Chinese punctuation), with heading anchors. Raw HTML in a
 * guide is escaped, so a pull request cannot put markup or scripts on the site. The same tree gives
 * what the page needs besides the HTML: GitHub alerts ({@code > [!NOTE]}) become callouts, tables
 * scroll in a focusable wrapper, external links get {@code rel}, the title's {@code # h1} is left to
 * the page template, and the table of contents and the search sections are read from the headings.
 * A fenced block is the HTML the caller gives for its line (the snippet partial), so a snippet looks the
 * same wherever it stands. {@link BodyHtml} writes the HTML, byte for byte what flexmark's {@code HtmlRenderer}
 * with the site's extension wrote (the tests keep that as the oracle), at a fraction of its CPU.
 */
public final class MarkdownRenderer {
    private static final Pattern ALERT = Pattern.compile("^\\s*\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]\\s*");

    private MarkdownRenderer() {
    }

    /** A part of a page for the search index: the heading it starts at (none before the first) and its text. */
    public record Section(String anchor, String heading, String text) {
    }

    /** A rendered guide body: its HTML, its table of contents (h2, h3) and its search sections. */
    public record Body(String html, List<TocEntry> toc, List<Section> sections) {
    }

    /**
     * @param markdown the guide, front matter included (so lines match the guide parser's)
     * @param blockHtml HTML for the fenced block whose fence is on the given 1-based line; "" to drop it
     * @param alertTitles the callout title per alert kind ("note", "warning", …) in the page's language
     */
    public static Body render(String markdown, IntFunction<String> blockHtml, Map<String, String> alertTitles) {
        return render(parse(markdown), blockHtml, alertTitles);
    }

    /**
     * The tree {@link #render(Document, IntFunction, Map)} needs, as the parse stage makes it ({@link GuideMarkdown}); a build
     * renders the trees the guide parser hands over ({@link org.goguides.checks.parse.ParsedGuide}) instead.
     */
    public static Document parse(CharSequence markdown) {
        return GuideMarkdown.parse(markdown);
    }

    /** As {@link #render(String, IntFunction, Map)} from a parsed tree, which it changes (callouts, the title left out). */
    public static Body render(Document doc, IntFunction<String> blockHtml, Map<String, String> alertTitles) {
        prepare(doc, alertTitles);
        SourceText source = new SourceText(doc);
        String html = BodyHtml.write(doc, blockHtml, source);
        List<TocEntry> toc = new ArrayList<>();
        toc(doc, source, toc);
        return new Body(html, toc, sections(doc, source));
    }

    /**
     * Leaves the title's h1 to the page template, turns alerts into callouts, adds the heading anchors and gives
     * every heading its id: the tree {@link BodyHtml} writes (and flexmark's writer, the tests' oracle, wrote).
     */
    static Document prepare(Document doc, Map<String, String> alertTitles) {
        Node lead = doc.getFirstChild();
        while (lead instanceof YamlFrontMatterBlock) lead = lead.getNext();
        if (lead instanceof Heading h && h.getLevel() == 1) h.unlink(); // the page template shows the title
        callouts(doc, alertTitles);
        anchorLinks(doc);
        HeadingIds.assign(doc);
        return doc;
    }

    /**
     * An empty {@link AnchorLink} before the text of every heading, wherever it stands (written as the heading's
     * {@code #} link), as flexmark's anchor-link extension adds at parse time (not wrapping the text); here without recursion, as the parse stage has no such pass.
     */
    private static void anchorLinks(Document doc) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(doc);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof Heading h) {
                if (h.getText().isNotNull()) {
                    AnchorLink anchor = new AnchorLink();
                    if (h.getFirstChild() == null) {
                        anchor.setChars(h.getText().subSequence(0, 0));
                        h.appendChild(anchor);
                    } else {
                        anchor.setChars(h.getFirstChild().getChars().subSequence(0, 0));
                        h.getFirstChild().insertBefore(anchor);
                    }
                    anchor.setCharsFromContent();
                }
            } else if (n instanceof Block || n instanceof Document) {
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) todo.push(c);
            }
        }
    }

    /** The HTML of a Markdown text without callouts or snippets (for tests and short texts). */
    public static String render(String markdown) {
        return render(markdown, line -> "", Map.of()).html();
    }

    /** Replaces every alert block quote by a {@link Callout} with the same content, the marker line removed. */
    private static void callouts(Node parent, Map<String, String> titles) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof BlockQuote bq) {
                callouts(bq, titles);
                String kind = alertKind(bq);
                if (kind != null) {
                    Callout box = new Callout(kind, titles.getOrDefault(kind, kind));
                    box.setChars(bq.getChars());
                    // one by one: flexmark's takeChildren re-parents only the first and the last child,
                    // which left a middle child (a fenced block between two paragraphs) with a stale parent
                    for (Node c = bq.getFirstChild(); c != null; c = bq.getFirstChild()) box.appendChild(c);
                    bq.insertBefore(box);
                    bq.unlink();
                }
            } else if (child.hasChildren() && child instanceof Block) {
                callouts(child, titles);
            }
            child = next;
        }
    }

    /** The alert kind of a block quote, its marker taken out of the first paragraph; null if it is a plain quote. */
    private static String alertKind(BlockQuote bq) {
        if (!(bq.getFirstChild() instanceof Paragraph p)) return null;
        StringBuilder lead = new StringBuilder();
        // "[!NOTE]" parses as a reference link to nothing, which renders as its text
        for (Node n = p.getFirstChild(); n instanceof Text || n instanceof LinkRef; n = n.getNext()) lead.append(n.getChars());
        Matcher m = ALERT.matcher(lead);
        if (!m.find()) return null;
        int cut = m.end();
        Node n = p.getFirstChild();
        while ((n instanceof Text || n instanceof LinkRef) && cut > 0) {
            Node next = n.getNext();
            if (n.getChars().length() <= cut) {
                cut -= n.getChars().length();
                n.unlink();
            } else if (n instanceof Text t) {
                t.setChars(t.getChars().subSequence(cut));
                cut = 0;
            } else {
                return null; // the marker ends inside a link: not an alert
            }
            n = next;
        }
        if (p.getFirstChild() instanceof SoftLineBreak || p.getFirstChild() instanceof HardLineBreak) p.getFirstChild().unlink();
        if (!p.hasChildren()) p.unlink();
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    /** The h2 and h3 headings with their ids, wherever they stand. */
    private static void toc(Node parent, SourceText source, List<TocEntry> toc) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                String id = h.getAnchorRefId();
                if ((h.getLevel() == 2 || h.getLevel() == 3) && id != null && !id.isEmpty()) {
                    toc.add(new TocEntry(id, text(h, source), h.getLevel()));
                }
            } else if (n instanceof Block && n.hasChildren()) {
                toc(n, source, toc);
            }
        }
    }

    /** The page split at its top-level h2 and h3 headings; the part before the first has no heading. */
    private static List<Section> sections(Document doc, SourceText source) {
        List<Section> out = new ArrayList<>();
        String heading = "";
        String anchor = "";
        StringBuilder text = new StringBuilder();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof YamlFrontMatterBlock) continue;
            if (n instanceof Heading h && (h.getLevel() == 2 || h.getLevel() == 3)) {
                out.add(new Section(anchor, heading, text.toString()));
                heading = text(h, source);
                anchor = h.getAnchorRefId() == null ? "" : h.getAnchorRefId();
                text.setLength(0);
            } else {
                text(n, source, text);
            }
        }
        out.add(new Section(anchor, heading, text.toString()));
        return out;
    }

    /** The text a reader sees in a node, without markup. */
    private static String text(Node n, SourceText source) {
        StringBuilder b = new StringBuilder();
        text(n, source, b);
        return b.toString().strip();
    }

    private static void text(Node n, SourceText source, StringBuilder out) {
        if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
            out.append(' ');
            source.appendTo(out, ((Block) n).getContentChars());
            out.append(' ');
        } else if (n instanceof Code c) {
            source.appendTo(out, c.getText());
        } else if (n instanceof AutoLink a) {
            source.appendTo(out, a.getText());
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            out.append(' ');
        } else if (n instanceof Text || n instanceof HtmlInline || n instanceof HtmlBlock) {
            source.appendTo(out, n.getChars());
        } else if (n instanceof AnchorLink) {
            return; // empty
        } else {
            if (n instanceof Block) out.append(' ');
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) text(c, source, out);
        }
    }
}
