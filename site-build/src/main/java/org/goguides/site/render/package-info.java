/**
 * The render stage's writers (checks/DESIGN.md §1): Markdown to HTML ({@link org.goguides.site.render.BodyHtml},
 * straight from the flexmark tree), templates, highlighting, assets, search index, sitemap,
 * badges, social cards, link checking and the staged, atomic site folder.
 */
package org.goguides.site.render;
