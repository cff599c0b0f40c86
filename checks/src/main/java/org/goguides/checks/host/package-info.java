/**
 * What the host is (OS, architecture, WSL, distribution, Go, network) and which platforms a snippet applies to:
 * the facts a run records and a snippet's requirements are checked against.
 */
package org.goguides.checks.host;
