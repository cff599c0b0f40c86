/**
 * The command line (checks/DESIGN.md §5): {@code check}, {@code build}, {@code serve}, {@code lint} and
 * {@code compare}, their options, and what they print on a terminal.
 */
package org.goguides.site.cli;
