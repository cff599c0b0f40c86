package org.goguides.site.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Start-up work done on the idle core while the main thread reads the settings: the templates are
 * parsed, and flexmark and the highlighter load and initialise their classes on a small sample. A
 * one-off build spends its first few hundred milliseconds on one core otherwise. Nothing here can
 * fail a build: a template that does not parse is reported when the build renders it.
 */
public final class Warmup {
    /** The templates every build renders. */
    private static final String[] TEMPLATES = {"guide.ftlh", "layout.ftlh", "partials/snippet.ftlh", "index.ftlh"};

    private static final String SAMPLE = """
            # Sample

            Text with `code`, *emphasis* and a [link](https://go.dev/) 中文。

            > [!NOTE]
            > A note.

            | a | b |
            |---|---|
            | 1 | 2 |

            - one
            - two

            ```sh
            go version
            ```
            """;

    private Warmup() {
    }

    /** Starts parsing the templates of {@code dir} in the background; the future yields them (or fails as the constructor would). */
    public static CompletableFuture<Templates> templates(Path dir) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Templates t = new Templates(dir, false);
                t.preload(TEMPLATES);
                return t;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Parallel.BACKGROUND);
    }

    /** Starts loading flexmark and the highlighter in the background. */
    public static void markdown() {
        Parallel.BACKGROUND.execute(() -> {
            try {
                MarkdownRenderer.render(MarkdownRenderer.parse(SAMPLE), i -> "", Map.of());
                for (String lang : new String[] {"sh", "console", "go"}) Highlighter.html(lang, "go version # 1\n");
            } catch (RuntimeException e) {
                // only a warm-up: the build parses and renders the guides itself
            }
        });
    }
}
