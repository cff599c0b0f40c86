/**
 * The site build (checks/DESIGN.md §1): {@link org.goguides.site.SiteBuilder} loads content and results and
 * writes every page and file of the site; the classes beside it each do one part of that.
 */
package org.goguides.site;
