/**
 * From results to what a reader sees (checks/DESIGN.md §4): the reader status of each step, labels, dates and
 * URLs, as the records FreeMarker templates receive ({@link org.goguides.site.view.Views}); templates only display them.
 */
package org.goguides.site.view;
