package org.goguides.site.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;

import org.goguides.checks.parse.GuideMarkdown;

/**
 * The oracle {@link BodyHtml} is compared with: flexmark's {@code HtmlRenderer} with the options and the extension
 * ({@link GuideHtmlExtension}) the site rendered guide bodies with before it wrote them itself, unchanged.
 */
final class FlexmarkBody {
    private static final DataHolder OPTIONS = new MutableDataSet(GuideMarkdown.OPTIONS)
            .set(Parser.EXTENSIONS, withHtml(GuideMarkdown.EXTENSIONS))
            // an empty anchor link before each heading's text, not around it, and no id of its own (the heading has it)
            .set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false)
            .set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false)
            .set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor")
            .set(HtmlRenderer.RENDER_HEADER_ID, true)
            .set(HtmlRenderer.GENERATE_HEADER_ID, true)
            .set(HtmlRenderer.ESCAPE_HTML, true)
            .toImmutable();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

    private FlexmarkBody() {
    }

    private static List<Extension> withHtml(List<Extension> parse) {
        List<Extension> all = new ArrayList<>(parse);
        all.add(AnchorLinkExtension.create());
        all.add(GuideHtmlExtension.create());
        return List.copyOf(all);
    }

    /** flexmark's HTML of a tree {@link MarkdownRenderer#prepare prepared} as the site prepares it. */
    static String write(Document prepared, IntFunction<String> blockHtml) {
        prepared.set(GuideHtmlExtension.SNIPPETS, blockHtml);
        return RENDERER.render(prepared);
    }
}
