/**
 * From results to what a reader sees (checks/DESIGN.md §4): the reader status of each step, labels, dates and
 * URLs, and the HTML of code (highlighting, marked lines), as the records FreeMarker templates receive
 * ({@link org.goguides.site.view.Views}); templates only display them. Depends on no other package of the site.
 */
package org.goguides.site.view;
