/**
 * The sandbox snippets run in: bubblewrap namespaces, a read-only view of the host, limits on memory and
 * processes, and the root layer for steps that need root; hostile tests prove what it keeps out.
 */
package org.goguides.checks.sandbox;
