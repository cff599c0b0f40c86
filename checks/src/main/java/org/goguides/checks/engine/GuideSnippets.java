package org.goguides.checks.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an empty test class whose discovery runs the snippets of a content folder. Surefire runs a
 * custom engine's tests only when some descriptor names a class it scanned, hence the marker:
 * <pre>{@code @GuideSnippets("../content") class ContentSnippetsIT {}}</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GuideSnippets {
    /** The content folder, relative to the working directory; {@link Constants#CONTENT} overrides it. */
    String value() default "content";
}
