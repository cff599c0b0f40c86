package org.goguides.site.render;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlock;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
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
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

import org.goguides.checks.parse.GuideMarkdown;
import org.goguides.site.view.Highlighter;

/**
 * The HTML of a guide body, written straight from the flexmark tree into one {@link StringBuilder}: byte for byte
 * what flexmark's {@code HtmlRenderer} wrote with the site's options and {@code GuideHtmlExtension} (kept in the
 * tests as the oracle), at a fraction of its cost (its line-by-line appendable, regex escaping and attribute
 * providers were over a quarter of the CPU samples of a 1,000-page build). Every node class the guides' parser makes has a case, matched
 * by exact class as flexmark does (a class with no case writes nothing); the tree is walked with a loop, not
 * recursion, so no nesting depth can overflow the stack. {@link Out} keeps the two rules of flexmark's appendable
 * the output depends on: spaces at the start of a line are dropped outside {@code <pre>}, and runs of empty lines
 * collapse to one.
 */
final class BodyHtml {
    /** What a node is written as; flexmark dispatches on the exact class, and so does this. */
    private enum Kind {
        PARAGRAPH, HEADING, BLOCK_QUOTE, BULLET_LIST, ORDERED_LIST, LIST_ITEM, THEMATIC_BREAK, INDENTED_CODE, FENCED_CODE,
        HTML_BLOCK, HTML_COMMENT_BLOCK, TEXT, TEXT_BASE, CODE, EMPHASIS, STRONG, STRIKETHROUGH, LINK, LINK_REF, IMAGE, IMAGE_REF,
        AUTO_LINK, MAIL_LINK, HTML_INLINE, HTML_ENTITY, SOFT_BREAK, HARD_BREAK, ANCHOR, CALLOUT, TABLE, TABLE_SECTION, TABLE_CELL
    }

    private static final Map<Class<?>, Kind> KINDS = new IdentityHashMap<>();

    static {
        KINDS.put(Paragraph.class, Kind.PARAGRAPH);
        KINDS.put(Heading.class, Kind.HEADING);
        KINDS.put(BlockQuote.class, Kind.BLOCK_QUOTE);
        KINDS.put(BulletList.class, Kind.BULLET_LIST);
        KINDS.put(OrderedList.class, Kind.ORDERED_LIST);
        KINDS.put(BulletListItem.class, Kind.LIST_ITEM);
        KINDS.put(OrderedListItem.class, Kind.LIST_ITEM);
        KINDS.put(ThematicBreak.class, Kind.THEMATIC_BREAK);
        KINDS.put(IndentedCodeBlock.class, Kind.INDENTED_CODE);
        KINDS.put(FencedCodeBlock.class, Kind.FENCED_CODE);
        KINDS.put(HtmlBlock.class, Kind.HTML_BLOCK);
        // the inner blocks exist only with an option the guides do not set; flexmark escapes them as comment blocks
        KINDS.put(HtmlCommentBlock.class, Kind.HTML_COMMENT_BLOCK);
        KINDS.put(HtmlInnerBlock.class, Kind.HTML_COMMENT_BLOCK);
        KINDS.put(HtmlInnerBlockComment.class, Kind.HTML_COMMENT_BLOCK);
        KINDS.put(Text.class, Kind.TEXT);
        KINDS.put(TextBase.class, Kind.TEXT_BASE);
        KINDS.put(Code.class, Kind.CODE);
        KINDS.put(Emphasis.class, Kind.EMPHASIS);
        KINDS.put(StrongEmphasis.class, Kind.STRONG);
        KINDS.put(Strikethrough.class, Kind.STRIKETHROUGH);
        KINDS.put(Link.class, Kind.LINK);
        KINDS.put(LinkRef.class, Kind.LINK_REF);
        KINDS.put(Image.class, Kind.IMAGE);
        KINDS.put(ImageRef.class, Kind.IMAGE_REF);
        KINDS.put(AutoLink.class, Kind.AUTO_LINK);
        KINDS.put(MailLink.class, Kind.MAIL_LINK);
        KINDS.put(HtmlInline.class, Kind.HTML_INLINE);
        KINDS.put(HtmlInlineComment.class, Kind.HTML_INLINE);
        KINDS.put(HtmlEntity.class, Kind.HTML_ENTITY);
        KINDS.put(SoftLineBreak.class, Kind.SOFT_BREAK);
        KINDS.put(HardLineBreak.class, Kind.HARD_BREAK);
        KINDS.put(AnchorLink.class, Kind.ANCHOR);
        KINDS.put(Callout.class, Kind.CALLOUT);
        KINDS.put(TableBlock.class, Kind.TABLE);
        KINDS.put(TableHead.class, Kind.TABLE_SECTION);
        KINDS.put(TableBody.class, Kind.TABLE_SECTION);
        KINDS.put(TableRow.class, Kind.TABLE_SECTION);
        KINDS.put(TableCaption.class, Kind.TABLE_SECTION);
        KINDS.put(TableCell.class, Kind.TABLE_CELL);
        // written as nothing, as flexmark does: Document's front matter (YamlFrontMatterBlock), Reference, TableSeparator
    }

    /** The list rules of the guides' parser: which list item paragraphs are tight, whether an ordered list says its start. */
    private static final ListOptions LISTS = ListOptions.get(GuideMarkdown.OPTIONS);

    /**
     * flexmark's default suppressed links: a link or image to such a URL is written as its text, without markup (an
     * autolink, a link's children), or as nothing (an image). Which string it tests is flexmark's: an inline link's
     * or image's URL as written, a reference's unescaped.
     */
    private static final Pattern SUPPRESSED = Pattern.compile("javascript:.*");

    /** The node classes that have a case here (the rest write nothing), for the tests' coverage check. */
    static Set<Class<?>> writtenClasses() {
        return Set.copyOf(KINDS.keySet());
    }

    private final Out out;
    private final Document doc;
    private final IntFunction<String> blockHtml;
    private final SourceText source;

    private BodyHtml(Document doc, IntFunction<String> blockHtml, SourceText source) {
        this.doc = doc;
        this.blockHtml = blockHtml;
        this.source = source;
        this.out = new Out(Math.max(8192, 2 * source.length()));
    }

    /**
     * @param doc the prepared tree (callouts in place, anchors added, heading ids set: {@link MarkdownRenderer})
     * @param blockHtml the snippet HTML of the fenced block whose fence is on a 1-based line; "" leaves it out
     * @param source the tree's text
     */
    static String write(Document doc, IntFunction<String> blockHtml, SourceText source) {
        BodyHtml w = new BodyHtml(doc, blockHtml, source);
        w.walk();
        return w.out.finish();
    }

    /** Depth first, without recursion: opens a node, and closes it once its children are written. */
    private void walk() {
        Node n = doc.getFirstChild();
        while (n != null) {
            if (open(n)) {
                if (n.getFirstChild() != null) {
                    n = n.getFirstChild();
                    continue;
                }
                close(n);
            }
            while (n.getNext() == null) {
                n = n.getParent();
                if (n == doc || n == null) return;
                close(n); // only a node that open() let in has its children walked
            }
            n = n.getNext();
        }
    }

    /** Writes what comes before a node's children; true if its children are to be written (then {@link #close} follows). */
    private boolean open(Node n) {
        Kind kind = KINDS.get(n.getClass());
        if (kind == null) return false;
        switch (kind) {
            case PARAGRAPH -> {
                if (n.getFirstChildAnyNot(NonRenderingInline.class) == null) return false;
                if (loose((Paragraph) n)) out.line().tag("<p>");
                return true;
            }
            case HEADING -> {
                Heading h = (Heading) n;
                out.line().tag(OPEN_H[h.getLevel()]);
                String id = h.getAnchorRefId();
                if (id != null && !id.isEmpty()) out.tag(" id=\"").attr(id).tag("\"");
                out.tag(">");
                return true;
            }
            case BLOCK_QUOTE -> out.line().tag("<blockquote>").line();
            case BULLET_LIST -> out.line().tag("<ul>").line();
            case ORDERED_LIST -> {
                int start = ((OrderedList) n).getStartNumber();
                out.line();
                if (LISTS.isOrderedListManualStart() && start != 1) out.tag("<ol start=\"").tag(Integer.toString(start)).tag("\">");
                else out.tag("<ol>");
                out.line();
            }
            case LIST_ITEM -> out.line().tag("<li>").text(((ListItem) n).getMarkerSuffix().unescape());
            case EMPHASIS -> out.tag("<em>");
            case STRONG -> out.tag("<strong>");
            case STRIKETHROUGH -> out.tag("<del>");
            case TEXT_BASE -> {
            }
            case LINK -> {
                Link link = (Link) n;
                if (!suppressed(link.getUrl())) openLink(link.getUrl().unescape(), link.getTitle());
            }
            case LINK_REF -> {
                LinkRef ref = (LinkRef) n;
                Reference target = ref.isDefined() ? ref.getReferenceNode(doc) : null;
                if (target != null) {
                    String href = target.getUrl().unescape();
                    if (!suppressed(href)) openLink(href, target.getTitle());
                } else if (!ref.hasChildren()) {
                    // an undefined reference ("[!NOTE]") is its text
                    out.text(ref.getChars().unescape());
                    return false;
                } else {
                    out.text(ref.getChars().prefixOf(ref.getChildChars()).unescape());
                }
            }
            case TABLE -> out.line().tag("<div class=\"table-wrap\" tabindex=\"0\">").line().tag("<table>").line();
            case TABLE_SECTION -> out.line().tag(n instanceof TableRow ? "<tr>" : n instanceof TableHead ? "<thead>"
                    : n instanceof TableBody ? "<tbody>" : "<caption>");
            case TABLE_CELL -> {
                TableCell cell = (TableCell) n;
                out.tag(cell.isHeader() ? "<th" : "<td");
                if (cell.getAlignment() != null) out.tag(" align=\"").tag(align(cell.getAlignment())).tag("\"");
                if (cell.getSpan() > 1) out.tag(" colspan=\"").tag(Integer.toString(cell.getSpan())).tag("\"");
                out.tag(">");
            }
            case CALLOUT -> {
                Callout c = (Callout) n;
                // the same concatenation as GuideHtmlExtension's, the kind unescaped (it is one of five words)
                out.line().raw("<div class=\"callout callout-" + c.kind() + "\" role=\""
                        + (c.kind().equals("warning") || c.kind().equals("caution") ? "alert" : "note") + "\">").line();
                out.raw("<p class=\"callout-title\">" + Highlighter.escape(c.title()) + "</p>").line();
            }
            case HTML_BLOCK -> {
                out.line();
                if (n.hasChildren()) return true;
                htmlBlock((HtmlBlock) n);
                out.line();
                return false;
            }
            default -> {
                leaf(kind, n);
                return false;
            }
        }
        return true;
    }

    /** Writes what comes after a node's children. */
    private void close(Node n) {
        switch (KINDS.get(n.getClass())) {
            case PARAGRAPH -> {
                if (loose((Paragraph) n)) out.tag("</p>").line();
            }
            case HEADING -> out.tag(CLOSE_H[((Heading) n).getLevel()]).line();
            case BLOCK_QUOTE -> out.line().tag("</blockquote>").line();
            case BULLET_LIST -> out.line().tag("</ul>").line();
            case ORDERED_LIST -> out.line().tag("</ol>").line();
            case LIST_ITEM -> out.tag("</li>").line();
            case EMPHASIS -> out.tag("</em>");
            case STRONG -> out.tag("</strong>");
            case STRIKETHROUGH -> out.tag("</del>");
            case LINK -> {
                if (!suppressed(((Link) n).getUrl())) out.tag("</a>");
            }
            case LINK_REF -> {
                LinkRef ref = (LinkRef) n;
                Reference target = ref.isDefined() ? ref.getReferenceNode(doc) : null;
                if (target == null) out.text(ref.getChars().suffixOf(ref.getChildChars()).unescape());
                else if (!suppressed(target.getUrl().unescape())) out.tag("</a>");
            }
            case TABLE -> out.line().tag("</table>").line().line().tag("</div>").line();
            case TABLE_SECTION -> out.tag(n instanceof TableRow ? "</tr>" : n instanceof TableHead ? "</thead>"
                    : n instanceof TableBody ? "</tbody>" : "</caption>").line();
            case TABLE_CELL -> out.tag(((TableCell) n).isHeader() ? "</th>" : "</td>");
            case CALLOUT -> out.line().tag("</div>").line();
            case HTML_BLOCK -> out.line();
            default -> {
            }
        }
    }

    /** A node without children to walk. */
    private void leaf(Kind kind, Node n) {
        switch (kind) {
            case TEXT -> {
                String text = unescape(source.of(n.getChars()));
                out.text(text.indexOf('\r') < 0 ? text : Escaping.normalizeEOL(text));
            }
            case SOFT_BREAK -> out.eol();
            case HARD_BREAK -> out.tag("<br />").eol();
            case CODE -> out.tag("<code>").text(codeSpan(source.of(((Code) n).getText()))).tag("</code>");
            case HTML_ENTITY -> out.text(n.getChars().unescape());
            case HTML_INLINE -> out.text(Escaping.normalizeEOL(n.getChars()));
            case HTML_COMMENT_BLOCK -> out.text(Escaping.normalizeEOL(n.getChars()));
            case ANCHOR -> {
                // an empty "#" link beside each heading, out of the tab order and of what screen readers read
                // (flexmark asks the attribute providers for the heading's id, which makes a missing one "")
                String id = n.getParent() instanceof Heading h && h.getAnchorRefId() != null ? h.getAnchorRefId() : "";
                out.tag("<a href=\"#").attr(id).tag("\" class=\"anchor\" aria-hidden=\"true\" tabindex=\"-1\"></a>");
            }
            case AUTO_LINK -> {
                String text = ((AutoLink) n).getText().toString();
                if (suppressed(((AutoLink) n).getUrl())) {
                    out.text(text);
                    return;
                }
                String href = text.startsWith("www.") ? "http://" + text : text;
                out.tag("<a href=\"").attr(href).tag("\"");
                rel(href);
                out.tag(">").text(text).tag("</a>");
            }
            case MAIL_LINK -> {
                String text = ((MailLink) n).getText().unescape();
                out.tag("<a href=\"").attr("mailto:" + text).tag("\">").text(text).tag("</a>");
            }
            case IMAGE -> {
                Image image = (Image) n;
                if (!suppressed(image.getUrl())) img(image.getUrl().unescape(), image, image.getTitle());
            }
            case IMAGE_REF -> {
                ImageRef ref = (ImageRef) n;
                Reference target = ref.isDefined() ? ref.getReferenceNode(doc) : null;
                if (target == null) out.text(ref.getChars().unescape());
                else if (!suppressed(target.getUrl().unescape())) img(target.getUrl().unescape(), ref, target.getTitle());
            }
            case THEMATIC_BREAK -> out.line().tag("<hr />").line();
            case INDENTED_CODE -> {
                out.line().tag("<pre>").openPre().tag("<code>");
                out.text(((IndentedCodeBlock) n).getContentChars().trimTailBlankLines().normalizeEndWithEOL());
                out.tag("</code></pre>").closePre().line();
            }
            case FENCED_CODE -> {
                String snippet = blockHtml.apply(n.getStartLineNumber() + 1);
                // as it is: the partial's <pre> keeps its blank lines and indentation
                if (!snippet.isEmpty()) out.openPre().raw(snippet).closePre();
            }
            default -> {
            }
        }
    }

    /** flexmark's escaped HTML block: its text in a paragraph, one final line break left off. */
    private void htmlBlock(HtmlBlock block) {
        String html = Escaping.normalizeEOL(block.getContentChars());
        if (!html.isEmpty() && html.charAt(html.length() - 1) == '\n') html = html.substring(0, html.length() - 1);
        out.tag("<p>").text(html).tag("</p>");
        out.line();
    }

    /** A paragraph in {@code <p>}, unless it is the text of a tight list item. */
    private static boolean loose(Paragraph p) {
        return !(p.getParent() instanceof ParagraphItemContainer c) || !c.isParagraphWrappingDisabled(p, LISTS, GuideMarkdown.OPTIONS);
    }

    private void openLink(String href, BasedSequence title) {
        out.tag("<a href=\"").attr(href).tag("\"");
        if (title.isNotNull()) out.tag(" title=\"").attr(title.unescape()).tag("\"");
        rel(href);
        out.tag(">");
    }

    private static boolean suppressed(CharSequence url) {
        return url.length() >= 11 && url.charAt(0) == 'j' && SUPPRESSED.matcher(url).matches();
    }

    /** An external link (inline, reference or autolink) opens nothing of the site's to the page it opens. */
    private void rel(String href) {
        if (href.startsWith("http://") || href.startsWith("https://")) out.tag(" rel=\"noopener noreferrer\"");
    }

    private void img(String src, Node image, BasedSequence title) {
        out.tag("<img src=\"").attr(src).tag("\" alt=\"").attr(new TextCollectingVisitor().collectAndGetText(image)).tag("\"");
        if (title.isNotNull()) out.tag(" title=\"").attr(title.unescape()).tag("\"");
        out.tag(" />");
    }

    private static String align(TableCell.Alignment a) {
        return switch (a) {
            case LEFT -> "left";
            case CENTER -> "center";
            case RIGHT -> "right";
        };
    }

    /** A text's backslash escapes and entities resolved, as flexmark's {@code unescape()}; most texts have neither. */
    private static String unescape(String s) {
        return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : Escaping.unescapeString(s);
    }

    /**
     * A code span's text as CommonMark says (spec 6.1): line endings become spaces, and one space is
     * stripped from each end only if both ends have one and the text is not all spaces; flexmark's
     * renderer trims and collapses all whitespace instead ({@code ` `` `} lost its spaces).
     */
    static String codeSpan(CharSequence raw) {
        String s = raw.toString();
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) s = s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        if (s.length() >= 2 && s.charAt(0) == ' ' && s.charAt(s.length() - 1) == ' ' && !s.isBlank()) s = s.substring(1, s.length() - 1);
        return s;
    }

    private static final String[] OPEN_H = {"", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6"};
    private static final String[] CLOSE_H = {"", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>"};

    /**
     * The output, with the two rules of flexmark's line appendable (with the renderer's default flags, no indent)
     * that shape it: outside {@code <pre>} a space is dropped while its line has nothing but spaces and tabs, and
     * an empty line outside {@code <pre>} is written only if the line before it was not one too (at most one blank
     * line in a row); {@link #line()} ends the current line unless it is empty.
     */
    static final class Out {
        private final StringBuilder sb;
        private int lineStart;
        private boolean allWhitespace = true;
        private int pre;
        private boolean blankBefore;

        Out(int capacity) {
            sb = new StringBuilder(capacity);
        }

        /** Markup that starts with neither a space, a tab nor a line break and holds no line break. */
        Out tag(String s) {
            allWhitespace = false;
            sb.append(s);
            return this;
        }

        Out raw(String s) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n') {
                    eol();
                    i++;
                } else if (allWhitespace) {
                    put(c);
                    i++;
                } else {
                    int nl = s.indexOf('\n', i);
                    int end = nl < 0 ? n : nl;
                    sb.append(s, i, end);
                    i = end;
                }
            }
            return this;
        }

        /** Text with {@code & < > "} escaped; once a line has a visible char, the runs between those are copied whole. */
        Out text(String s) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                if (!allWhitespace) {
                    int j = i;
                    while (j < n && !special(s.charAt(j))) j++;
                    sb.append(s, i, j);
                    if (j == n) break;
                    i = j;
                }
                char c = s.charAt(i++);
                switch (c) {
                    case '&' -> tag("&amp;");
                    case '<' -> tag("&lt;");
                    case '>' -> tag("&gt;");
                    case '"' -> tag("&quot;");
                    default -> put(c);
                }
            }
            return this;
        }

        private static boolean special(char c) {
            return c == '&' || c == '<' || c == '>' || c == '"' || c == '\n';
        }

        /** An attribute value: {@code & < > "} escaped, except an {@code &} that starts an entity (flexmark keeps those). */
        Out attr(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> tag(entityAt(s, i) ? "&" : "&amp;");
                    case '<' -> tag("&lt;");
                    case '>' -> tag("&gt;");
                    case '"' -> tag("&quot;");
                    default -> put(c);
                }
            }
            return this;
        }

        /** Whether an entity ({@code &#x1f;}, {@code &#31;}, {@code &name;}, any case) starts at i, as flexmark's pattern has it. */
        static boolean entityAt(String s, int i) {
            int n = s.length();
            int j = i + 1;
            if (j < n && s.charAt(j) == '#') {
                j++;
                boolean hex = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
                if (hex) j++;
                int start = j;
                while (j < n && j - start < 8 && (hex ? isHex(s.charAt(j)) : isDigit(s.charAt(j)))) j++;
                return j > start && j < n && s.charAt(j) == ';';
            }
            int start = j;
            if (j >= n || !isLetter(s.charAt(j))) return false;
            j++;
            while (j < n && j - start < 32 && (isLetter(s.charAt(j)) || isDigit(s.charAt(j)))) j++;
            return j - start >= 2 && j < n && s.charAt(j) == ';';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }

        private static boolean isHex(char c) {
            return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        }

        private void put(char c) {
            if (c == '\n') {
                eol();
            } else if (c == ' ') {
                if (pre > 0 || !allWhitespace) sb.append(' ');
            } else {
                if (c != '\t') allWhitespace = false;
                sb.append(c);
            }
        }

        /** Ends the current line; an empty one outside {@code <pre>} right after another is left out. */
        Out eol() {
            // (flexmark also keeps an empty line on which a <pre> opened and closed: a snippet of nothing, never written)
            boolean blank = sb.length() == lineStart && pre == 0;
            if (!blank || !blankBefore) sb.append('\n');
            blankBefore = blank;
            lineStart = sb.length();
            allWhitespace = true;
            return this;
        }

        /** Ends the current line if anything is on it (inside {@code <pre>}, always). */
        Out line() {
            if (pre > 0 || sb.length() != lineStart) eol();
            return this;
        }

        Out openPre() {
            pre++;
            return this;
        }

        Out closePre() {
            pre--;
            return this;
        }

        String finish() {
            line();
            return sb.toString();
        }
    }
}
