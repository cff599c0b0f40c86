/**
 * {@code check --update}: writes what the hosts really printed back into a guide's expected output blocks.
 */
package org.goguides.checks.update;
