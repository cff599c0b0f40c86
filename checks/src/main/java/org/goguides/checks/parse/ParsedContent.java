package org.goguides.checks.parse;

import java.util.List;

import org.goguides.checks.model.Content;

/**
 * What a load gives a caller that renders: the {@link Content} and, in the same order as its guides, each
 * guide with its tree ({@link ParsedGuide}). Callers that only check keep the content and drop the rest.
 */
public record ParsedContent(Content content, List<ParsedGuide> parsed) {
    public ParsedContent {
        parsed = List.copyOf(parsed);
    }
}
