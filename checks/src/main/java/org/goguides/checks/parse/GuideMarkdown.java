package org.goguides.checks.parse;

import java.util.List;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.CharSubSequence;

/**
 * The Markdown of a guide, in one place: CommonMark with front matter, GFM tables, strikethrough and emphasis
 * that works next to Chinese punctuation ({@link CjkEmphasis}). The parse stage reads
 * a guide's blocks from this tree and the site renders the same tree (with these options and extensions,
 * plus its HTML writer's), so a guide is parsed once per build and what is checked (snippets, links) is
 * what is shown. Heading anchors are the renderer's: flexmark's anchor-link extension adds them in a post-processor
 * that walks the tree recursively, which overflowed the stack on a hostile guide before its depth was checked
 * ({@link MarkdownLimits#MAX_DEPTH}). See checks/DESIGN.md §1.
 */
public final class GuideMarkdown {
    /** The parser extensions of the dialect; a renderer adds its own to these, never a parser extension of its own. */
    public static final List<Extension> EXTENSIONS = List.of(YamlFrontMatterExtension.create(), TablesExtension.create(),
            StrikethroughExtension.create(), CjkEmphasis.create());

    /** The parser's options, which a renderer of these trees starts from. */
    public static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, EXTENSIONS)
            // line numbers by binary search, not by counting line breaks from the start for every block
            .set(Parser.TRACK_DOCUMENT_LINES, true)
            .toImmutable();

    static final Parser PARSER = Parser.builder(OPTIONS).build();

    private GuideMarkdown() {
    }

    /**
     * The tree of a Markdown text, without the guide parser's checks and CPU budget: for a text already read
     * by {@link GuideParser} (the site re-rendering a guide whose tree is gone) and for short trusted texts.
     */
    public static Document parse(CharSequence markdown) {
        // over an array of chars: flexmark reads a character of it in one call, not two as through a String
        return PARSER.parse(CharSubSequence.of(markdown));
    }
}
