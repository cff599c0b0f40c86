package org.goguides.site;

import org.goguides.checks.engine.GuideSnippets;

/**
 * Runs every snippet of the repository's {@code content/} on this host (Failsafe, in
 * {@code mvn verify}); the folder comes from the {@code goguides.content} property set by the POM.
 */
@GuideSnippets("../content")
class ContentSnippetsIT {
}
