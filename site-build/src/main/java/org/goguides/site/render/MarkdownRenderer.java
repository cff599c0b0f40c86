package org.goguides.site.render;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * Markdown to HTML with flexmark (CommonMark, GFM tables, strikethrough, heading anchors, emphasis
 * that works next to Chinese punctuation: {@link CjkEmphasis}); raw HTML
 * in a guide is escaped, so a pull request cannot put markup or scripts on the site. Fenced
 * blocks are not rendered by flexmark: each is replaced by the HTML the caller gives for its line
 * (the snippet partial), so a snippet looks the same wherever it stands.
 */
public final class MarkdownRenderer {
    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create(), TablesExtension.create(),
                    StrikethroughExtension.create(), AnchorLinkExtension.create(), CjkEmphasis.create()))
            .set(HtmlRenderer.RENDER_HEADER_ID, true)
            .set(HtmlRenderer.GENERATE_HEADER_ID, true)
            .set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false)
            .set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false)
            .set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor")
            .set(HtmlRenderer.ESCAPE_HTML, true)
            .toImmutable();
    private static final Parser PARSER = Parser.builder(OPTIONS).build();

    private MarkdownRenderer() {
    }

    /** Marks where a fenced block's HTML goes; guides cannot produce it, since their raw HTML is escaped. */
    private static final String MARK = "<!--goguides-block:";
    /** Renders each fenced block as its marker, so flexmark never copies the (large) snippet HTML line by line. */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).nodeRendererFactory(options -> new NodeRenderer() {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            Set<NodeRenderingHandler<?>> h = new HashSet<>();
            h.add(new NodeRenderingHandler<>(FencedCodeBlock.class,
                    (node, ctx, html) -> html.raw(MARK + (node.getStartLineNumber() + 1) + "-->")));
            return h;
        }
    }).build();

    /**
     * @param markdown the guide, front matter included (so lines match the parser's)
     * @param blockHtml HTML for the fenced block whose fence is on the given 1-based line; "" to drop it
     */
    public static String render(String markdown, IntFunction<String> blockHtml) {
        Document doc = PARSER.parse(markdown);
        String html = RENDERER.render(doc);
        StringBuilder out = new StringBuilder(html.length() + 16 * 1024);
        int from = 0;
        for (int at = html.indexOf(MARK); at >= 0; at = html.indexOf(MARK, from)) {
            int end = html.indexOf("-->", at);
            out.append(html, from, at).append(blockHtml.apply(Integer.parseInt(html.substring(at + MARK.length(), end))));
            from = end + 3;
        }
        return out.append(html, from, html.length()).toString();
    }
}
