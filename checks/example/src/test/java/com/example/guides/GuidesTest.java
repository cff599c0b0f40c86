package com.example.guides;

import org.goguides.checks.engine.GuideSnippets;

/**
 * Runs every snippet of {@code content/guides} as a test. The class is empty: Surefire only runs an
 * engine's tests that hang below a class it scanned, and this one names the content folder (relative
 * to the project folder; {@code -Dgoguides.content=DIR} overrides it).
 */
@GuideSnippets("content")
class GuidesTest {
}
