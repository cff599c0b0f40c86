/**
 * The guides as data, shared by every stage: {@link org.goguides.checks.model.Content}, guides, snippets with
 * their expected output, and {@link org.goguides.checks.model.Problem}s at {@code path:line}. No behaviour beyond lookups.
 */
package org.goguides.checks.model;
