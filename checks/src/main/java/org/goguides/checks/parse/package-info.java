/**
 * The parse stage (checks/DESIGN.md §1, §2): Markdown files to guides and snippets. Reads {@code content/}
 * ({@link org.goguides.checks.parse.GuideFiles}, {@link org.goguides.checks.parse.ContentLoader}), parses one guide
 * ({@link org.goguides.checks.parse.GuideParser}) and reports every authoring error at once, never throwing on bad input.
 */
package org.goguides.checks.parse;
