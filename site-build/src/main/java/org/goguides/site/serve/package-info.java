/**
 * {@code serve}: a local HTTP server over the built site that rebuilds when a file changes.
 */
package org.goguides.site.serve;
