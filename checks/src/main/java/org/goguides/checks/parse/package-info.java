/**
 * The parse stage (checks/DESIGN.md §1, §2): Markdown files to guides and snippets. Reads {@code content/}
 * ({@link org.goguides.checks.parse.GuideFiles}, {@link org.goguides.checks.parse.ContentLoader}), parses one guide
 * ({@link org.goguides.checks.parse.GuideParser}) in the guides' one Markdown dialect
 * ({@link org.goguides.checks.parse.GuideMarkdown}) and reports every authoring error at once, never throwing on bad
 * input; a caller that renders gets each guide's tree once with it ({@link org.goguides.checks.parse.ParsedGuide}).
 */
package org.goguides.checks.parse;
