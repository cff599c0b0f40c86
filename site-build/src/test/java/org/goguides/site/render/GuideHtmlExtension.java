package org.goguides.site.render;

import org.goguides.site.view.Highlighter;

import java.util.Set;
import java.util.function.IntFunction;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ext.anchorlink.AnchorLink;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * The tests' oracle for {@link BodyHtml}: the site's part of flexmark's HTML writer as it was when flexmark wrote the
 * guide bodies ({@link FlexmarkBody}), unchanged, as one extension: a fenced block is the snippet HTML the
 * caller gives for its line ({@link #SNIPPETS}, set on the document), a GitHub alert is a titled callout
 * box, a table scrolls in a wrapper keyboard users can focus, a code span keeps its spaces as CommonMark
 * says, an external link (inline, reference or autolink) gets {@code rel="noopener noreferrer"} and a heading's anchor is left out of the
 * tab order and of what screen readers read.
 */
final class GuideHtmlExtension implements HtmlRenderer.HtmlRendererExtension {
    /**
     * The HTML of the fenced block whose fence is on a given 1-based line ("" to leave it out): set on each
     * document before it is rendered. Without it a fenced block is written as nothing.
     */
    static final DataKey<IntFunction<String>> SNIPPETS = new DataKey<>("GOGUIDES_SNIPPETS", line -> "");

    private GuideHtmlExtension() {
    }

    static GuideHtmlExtension create() {
        return new GuideHtmlExtension();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new Nodes());
        builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                return GuideHtmlExtension::attributes;
            }
        });
    }

    /** How the site writes snippets, callouts, tables and code spans. */
    private static final class Nodes implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(FencedCodeBlock.class, (node, ctx, html) -> {
                        String snippet = SNIPPETS.get(ctx.getDocument()).apply(node.getStartLineNumber() + 1);
                        if (snippet.isEmpty()) return;
                        // as it is: the partial's <pre> keeps its blank lines and indentation
                        html.openPre();
                        html.raw(snippet);
                        html.closePre();
                    }),
                    // code spans as the spec has them (flexmark's writer trims and collapses their spaces)
                    new NodeRenderingHandler<>(Code.class, (node, ctx, html) -> {
                        html.raw("<code>");
                        html.text(codeSpan(node.getText()));
                        html.raw("</code>");
                    }),
                    new NodeRenderingHandler<>(Callout.class, (node, ctx, html) -> {
                        html.line().raw("<div class=\"callout callout-" + node.kind() + "\" role=\""
                                + (node.kind().equals("warning") || node.kind().equals("caution") ? "alert" : "note") + "\">").line();
                        html.raw("<p class=\"callout-title\">" + Highlighter.escape(node.title()) + "</p>").line();
                        ctx.renderChildren(node);
                        html.line().raw("</div>").line();
                    }),
                    // wide tables scroll inside a wrapper that keyboard users can focus
                    new NodeRenderingHandler<>(TableBlock.class, (node, ctx, html) -> {
                        html.line().raw("<div class=\"table-wrap\" tabindex=\"0\">");
                        ctx.delegateRender();
                        html.line().raw("</div>").line();
                    }));
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

    private static void attributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof AnchorLink) {
            // an empty "#" link beside each heading: the TOC links the sections for keyboard and screen-reader users
            attributes.replaceValue("aria-hidden", "true");
            attributes.replaceValue("tabindex", "-1");
        } else if ((node instanceof Link || node instanceof LinkRef || node instanceof AutoLink) && part == AttributablePart.LINK) {
            String href = attributes.getValue("href");
            if (href.startsWith("http://") || href.startsWith("https://")) attributes.replaceValue("rel", "noopener noreferrer");
        }
    }
}
