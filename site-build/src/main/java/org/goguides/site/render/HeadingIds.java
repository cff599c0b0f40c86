package org.goguides.site.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Gives every heading of a page an id that no other heading has, before either HTML writer runs (both
 * keep an id that is already set). flexmark's own generator numbers repeats of a text ({@code 步骤},
 * {@code 步骤-1}) without looking at the ids it already gave, so {@code ## 步骤}, {@code ## 步骤-1},
 * {@code ## 步骤} had two {@code 步骤-1}; and a heading of punctuation only ({@code ## ？！}) got none,
 * so the contents could not link it. Here the text's slug is flexmark's, an empty slug becomes
 * {@code section}, and a taken id gets the first free {@code -N}; the templates' own ids and the
 * snippets' {@code step-}/{@code body-} ids are taken from the start.
 */
final class HeadingIds {
    /** The id of a heading whose text gives no letters or digits. */
    static final String FALLBACK = "section";

    private HeadingIds() {
    }

    /** Ids the page templates give their own elements ({@code layout.ftlh}, {@code guide.ftlh}), which a heading must not take. */
    static final Set<String> TEMPLATE_IDS = Set.of("main", "toc-title", "summary-title", "platform-select", "platform-note",
            "search-input", "search-results", "search-status");

    static void assign(Document doc) {
        String toDash = HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS.get(doc);
        String nonDash = HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS.get(doc);
        boolean noDupedDashes = HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES.get(doc);
        boolean lower = HtmlRenderer.HEADER_ID_GENERATOR_NON_ASCII_TO_LOWERCASE.get(doc);
        Set<String> taken = new HashSet<>(TEMPLATE_IDS);
        // iterative, in document order: the nesting depth of a guide is bounded, but this needs no stack either way
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(doc);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof Heading h) {
                String base = HeaderIdGenerator.generateId(h.getAnchorRefText(), toDash, nonDash, noDupedDashes, lower);
                if (base == null || base.isEmpty()) base = FALLBACK;
                // snippets are step-<id> and body-<id> on the page (partials/snippet.ftlh)
                if (base.startsWith("step-") || base.startsWith("body-")) base = FALLBACK + "-" + base;
                String id = base;
                for (int i = 1; !taken.add(id); i++) id = base + "-" + i;
                h.setAnchorRefId(id);
                continue;
            }
            if (n instanceof Block || n instanceof Document) {
                for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) todo.push(c);
            }
        }
    }
}
