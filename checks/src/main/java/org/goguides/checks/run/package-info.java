/**
 * Runs one snippet: a session's work folder and HOME, the shell or Go command, the sandbox around it, output
 * capture with a cap, and matching the output against what the guide expects.
 */
package org.goguides.checks.run;
