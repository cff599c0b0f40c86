package org.goguides.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.parse.ContentLoader;
import org.goguides.site.render.AssetManifest;
import org.goguides.site.render.Templates;
import org.goguides.site.view.ResultIndex;

/**
 * What {@code serve}'s long-lived builder keeps between builds: templates stay parsed (a changed template
 * file is re-read), parsed guide files are kept, and the body of a guide whose text and inputs did not
 * change is not rendered again. A one-off build has none ({@link #NONE}): everything is made afresh.
 */
final class Rebuilds {
    /** A one-off build: nothing kept. */
    static final Rebuilds NONE = new Rebuilds(false);

    private final boolean keeps;
    private final Map<Path, Templates> templates = new ConcurrentHashMap<>();
    private volatile Map<String, GuideBodies.Body> bodies = Map.of();
    private final ContentLoader.Cache guides = new ContentLoader.Cache();

    private Rebuilds(boolean keeps) {
        this.keeps = keeps;
    }

    /** For many builds of the same site. */
    static Rebuilds kept() {
        return new Rebuilds(true);
    }

    /** The parsed guide files to reuse, or null for a one-off build. */
    ContentLoader.Cache guides() {
        return keeps ? guides : null;
    }

    /** After a load: forgets the guide files the load did not use. */
    void loaded() {
        if (keeps) guides.retainUsed();
    }

    /** The templates of a folder: parsed once and kept, or parsed for this build only. */
    Templates templates(Path dir) throws IOException {
        if (!keeps) return new Templates(dir, false);
        Path key = dir.toAbsolutePath().normalize();
        Templates t = templates.get(key);
        if (t == null) {
            t = new Templates(key, true);
            templates.put(key, t);
        }
        return t;
    }

    /**
     * Identifies the inputs of guide bodies other than their Markdown (results, settings, templates, assets and
     * the day, since ages are shown), so a body can be reused while they hold; "" for a one-off build.
     */
    String inputs(Content content, ResultIndex results, Path templatesDir, AssetManifest assets) throws IOException {
        if (!keeps) return "";
        StringBuilder b = new StringBuilder(results.fingerprint()).append('|').append(content.site()).append('|')
                .append(content.platforms().all()).append('|').append(assets.urls()).append('|')
                .append(LocalDate.now(ZoneOffset.UTC));
        try (var files = Files.walk(templatesDir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                b.append('|').append(f).append(':').append(Files.getLastModifiedTime(f).toMillis()).append(':').append(Files.size(f));
            }
        }
        return b.toString();
    }

    /**
     * The body of the previous build when the guide and everything it depends on ({@code inputs}) are unchanged,
     * else a new one; either is kept in {@code kept} for the next build.
     */
    GuideBodies.Body body(Guide g, String inputs, Map<String, GuideBodies.Body> kept, Supplier<GuideBodies.Body> render) {
        if (!keeps) return render.get();
        String key = inputs + "\0" + g.displayPath() + "\0" + g.markdown();
        GuideBodies.Body b = bodies.get(key);
        if (b == null) b = render.get();
        kept.put(key, b);
        return b;
    }

    /** After the guide pages of a build: the bodies they used are the ones the next build may reuse. */
    void rendered(Map<String, GuideBodies.Body> kept) {
        if (keeps) bodies = kept;
    }
}
