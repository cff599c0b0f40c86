/**
 * The render stage's writers (checks/DESIGN.md §1): Markdown to HTML (one flexmark renderer with
 * {@link org.goguides.site.render.GuideHtmlExtension}), templates, highlighting, assets, search index, sitemap,
 * badges, social cards, link checking and the staged, atomic site folder.
 */
package org.goguides.site.render;
