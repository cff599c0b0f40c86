package org.goguides.site.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.anchorlink.AnchorLink;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

import org.goguides.checks.parse.MarkdownLimits;

/**
 * Writes a guide's tree as HTML straight into a {@link StringBuilder}, for the kinds of node guides
 * are made of (paragraphs, headings, lists, quotes, callouts, tables, emphasis, code, links): the same
 * HTML flexmark's renderer writes with {@link MarkdownRenderer}'s options (a test compares the two on
 * every guide), at a fraction of its cost, since flexmark's writer tracks lines and source positions
 * a guide does not need. A tree with any other kind of node (images, reference links, entities, raw
 * HTML blocks …) is left to flexmark: {@link #write} returns null.
 */
final class HtmlBody {
    private final StringBuilder out;
    private final ListOptions lists;
    private final DataHolder options;
    /** Set when a node this writer does not know was met: the caller renders with flexmark instead. */
    private boolean unknown;

    private HtmlBody(int capacity, DataHolder options) {
        this.out = new StringBuilder(capacity);
        this.options = options;
        this.lists = ListOptions.get(options);
    }

    /** The body's HTML, fenced blocks as {@code marker + line + "-->"}; null if the tree has a node this writer leaves to flexmark. */
    static String write(Document doc, String marker) {
        HtmlBody w = new HtmlBody(doc.getChars().length() + doc.getChars().length() / 2, doc);
        w.marker = marker;
        w.children(doc);
        w.line(); // flexmark's writer ends the last line
        return w.unknown ? null : w.out.toString();
    }

    private String marker;

    private void children(Node parent) {
        for (Node n = parent.getFirstChild(); n != null && !unknown; n = n.getNext()) node(n);
    }

    /** Starts a line unless the output is at the start of one. */
    private void line() {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') out.append('\n');
    }

    private void node(Node n) {
        if (n instanceof Text) {
            text(n.getChars());
        } else if (n instanceof Paragraph p) {
            paragraph(p);
        } else if (n instanceof SoftLineBreak) {
            out.append('\n');
        } else if (n instanceof Code c) {
            out.append("<code>");
            escape(codeSpan(c.getText()));
            out.append("</code>");
        } else if (n instanceof StrongEmphasis) {
            wrap(n, "strong");
        } else if (n instanceof Emphasis) {
            wrap(n, "em");
        } else if (n instanceof Link l) {
            link(l);
        } else if (n instanceof Heading h) {
            heading(h);
        } else if (n instanceof FencedCodeBlock f) {
            out.append(marker).append(f.getStartLineNumber() + 1).append("-->");
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            list(n);
        } else if (n instanceof ListItem item) {
            line();
            out.append("<li>");
            text(item.getMarkerSuffix());
            children(item);
            out.append("</li>");
            line();
        } else if (n instanceof TableBlock || n instanceof TableHead || n instanceof TableBody || n instanceof TableRow
                || n instanceof TableCell || n instanceof TableSeparator) {
            table(n);
        } else if (n instanceof MarkdownRenderer.Callout c) {
            line();
            out.append("<div class=\"callout callout-").append(c.kind).append("\" role=\"")
                    .append(c.kind.equals("warning") || c.kind.equals("caution") ? "alert" : "note").append("\">\n");
            out.append("<p class=\"callout-title\">");
            escape(c.title);
            out.append("</p>\n");
            children(c);
            line();
            out.append("</div>\n");
        } else if (n instanceof BlockQuote) {
            line();
            out.append("<blockquote>\n");
            children(n);
            line();
            out.append("</blockquote>\n");
        } else if (n instanceof Strikethrough) {
            wrap(n, "del");
        } else if (n instanceof HardLineBreak) {
            out.append("<br />\n");
        } else if (n instanceof AutoLink a) {
            String text = a.getText().toString();
            if (text.startsWith("www.")) {
                unknown = true;
                return;
            }
            out.append("<a href=\"");
            escape(text);
            out.append('"');
            rel(text);
            out.append('>');
            escape(text);
            out.append("</a>");
        } else if (n instanceof HtmlInline) {
            escape(Escaping.normalizeEOL(n.getChars()));
        } else if (n instanceof ThematicBreak) {
            line();
            out.append("<hr />\n");
        } else if (n instanceof TextBase) {
            children(n);
        } else if (n instanceof YamlFrontMatterBlock || n instanceof Reference) {
            return; // not shown
        } else {
            unknown = true;
        }
    }

    /**
     * A code span's text as CommonMark says (spec 6.1): line endings become spaces, and one space is
     * stripped from each end only if both ends have one and the text is not all spaces; flexmark's
     * renderer trims and collapses all whitespace instead ({@code ` `` `} lost its spaces).
     */
    static String codeSpan(CharSequence raw) {
        String s = raw.toString().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        if (s.length() >= 2 && s.charAt(0) == ' ' && s.charAt(s.length() - 1) == ' ' && !s.isBlank()) s = s.substring(1, s.length() - 1);
        return s;
    }

    private void paragraph(Paragraph p) {
        if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) return;
        if (p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, lists, options)) {
            children(p);
            return;
        }
        line();
        out.append("<p>");
        children(p);
        out.append("</p>");
        line();
    }

    private void heading(Heading h) {
        line();
        String id = h.getAnchorRefId();
        out.append("<h").append(h.getLevel());
        if (id != null && !id.isEmpty()) {
            out.append(" id=\"");
            escape(id);
            out.append('"');
        }
        out.append('>');
        for (Node c = h.getFirstChild(); c != null && !unknown; c = c.getNext()) {
            if (c instanceof AnchorLink) {
                if (id == null || id.isEmpty() || c.hasChildren()) {
                    unknown = true;
                    return;
                }
                out.append("<a href=\"#");
                escape(id);
                out.append("\" class=\"anchor\" aria-hidden=\"true\" tabindex=\"-1\"></a>");
            } else {
                node(c);
            }
        }
        out.append("</h").append(h.getLevel()).append('>');
        line();
    }

    private void list(Node n) {
        line();
        if (n instanceof OrderedList o) {
            out.append("<ol");
            if (lists.isOrderedListManualStart() && o.getStartNumber() != 1) out.append(" start=\"").append(o.getStartNumber()).append('"');
            out.append(">\n");
            children(n);
            line();
            out.append("</ol>\n");
        } else {
            out.append("<ul>\n");
            children(n);
            line();
            out.append("</ul>\n");
        }
    }

    private void table(Node n) {
        if (n instanceof TableSeparator) return;
        if (n instanceof TableCell cell) {
            String tag = cell.isHeader() ? "th" : "td";
            out.append('<').append(tag);
            if (cell.getAlignment() != null) {
                out.append(" align=\"").append(cell.getAlignment().name().toLowerCase(java.util.Locale.ROOT)).append('"');
            }
            if (cell.getSpan() > 1) out.append(" colspan=\"").append(cell.getSpan()).append('"');
            out.append('>');
            children(cell);
            out.append("</").append(tag).append('>');
            return;
        }
        String tag = n instanceof TableBlock ? "table" : n instanceof TableHead ? "thead" : n instanceof TableBody ? "tbody" : "tr";
        if (n instanceof TableBlock) {
            line();
            out.append("<div class=\"table-wrap\" tabindex=\"0\">");
        }
        line();
        out.append('<').append(tag).append('>');
        boolean lines = !(n instanceof TableRow) && n.hasChildren(); // flexmark writes an empty <thead></thead> on one line
        if (lines) out.append('\n');
        children(n);
        if (lines) line();
        out.append("</").append(tag).append(">\n");
        if (n instanceof TableBlock) out.append("</div>\n");
    }

    private void link(Link l) {
        String url = l.getUrl().unescape();
        out.append("<a href=\"");
        escape(url);
        out.append('"');
        if (l.getTitle().isNotNull()) {
            out.append(" title=\"");
            escape(l.getTitle().unescape());
            out.append('"');
        }
        rel(url);
        out.append('>');
        children(l);
        out.append("</a>");
    }

    private void rel(String href) {
        if (href.startsWith("http://") || href.startsWith("https://")) out.append(" rel=\"noopener noreferrer\"");
    }

    private void wrap(Node n, String tag) {
        out.append('<').append(tag).append('>');
        children(n);
        out.append("</").append(tag).append('>');
    }

    /** Text as flexmark writes it: backslash escapes and entities resolved, then HTML-escaped. */
    private void text(BasedSequence chars) {
        int from = chars.getStartOffset();
        int to = chars.getEndOffset();
        // a node's text is usually one stretch of the guide: read it there, without making a string of it
        Object base = chars.getBase();
        if (base instanceof MarkdownLimits.Budgeted b) base = b.text(); // the text a guide was parsed from
        if (base instanceof String doc && to - from == chars.length()) {
            for (int i = from; i < to; i++) {
                char c = doc.charAt(i);
                if (c == '\\' || c == '&' || c == '\r') {
                    escape(Escaping.normalizeEOL(chars.unescape()));
                    return;
                }
            }
            escape(doc, from, to);
            return;
        }
        String s = chars.toString();
        boolean plain = s.indexOf('\\') < 0 && s.indexOf('&') < 0 && s.indexOf('\r') < 0;
        escape(plain ? s : Escaping.normalizeEOL(chars.unescape()));
    }

    /** {@code &}, {@code <}, {@code >} and {@code "} as entities, as flexmark's writer escapes text and attributes. */
    private void escape(String s) {
        escape(s, 0, s.length());
    }

    private void escape(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
