package org.goguides.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.goguides.checks.model.Content;
import org.goguides.checks.model.Guide;
import org.goguides.checks.parse.GuideFiles;
import org.goguides.checks.parse.ParsedContent;
import org.goguides.site.render.AssetManifest;
import org.goguides.site.render.Templates;
import org.goguides.site.view.ResultIndex;

/**
 * What {@code serve}'s long-lived builder keeps between builds: templates stay parsed (a changed template
 * file is re-read), a guide folder whose files did not change is not parsed again, and the body of a
 * guide whose text and inputs did not change is not rendered again. A one-off build has none ({@link #NONE}): everything is made afresh.
 */
final class Rebuilds {
    /** A one-off build: nothing kept. */
    static final Rebuilds NONE = new Rebuilds(false);

    private final boolean keeps;
    private final Map<Path, Templates> templates = new ConcurrentHashMap<>();
    private volatile Map<String, GuideBodies.Body> bodies = Map.of();
    /** Guide folders parsed, by their files' paths and text and the settings they were checked against. */
    private final Map<String, Content> folders = new ConcurrentHashMap<>();
    /** The entries the current build used: the others are forgotten after it. */
    private final Map<String, Content> used = new ConcurrentHashMap<>();

    private Rebuilds(boolean keeps) {
        this.keeps = keeps;
    }

    /** For many builds of the same site. */
    static Rebuilds kept() {
        return new Rebuilds(true);
    }

    /** Whether guide folders parsed by one build are kept for the next. */
    boolean keepsGuides() {
        return keeps;
    }

    /**
     * The guides of one folder ({@code part}, one folder's files): as an earlier build parsed them when the
     * files and the settings are the same (then without trees: only the model is kept), else parsed now, with
     * their trees; may be called from any thread.
     */
    ParsedContent folder(GuideFiles part, Content settings, Supplier<ParsedContent> load) throws IOException {
        StringBuilder key = new StringBuilder().append(settings.site()).append('\0').append(settings.platforms().all());
        for (Path f : part.files()) {
            key.append('\0').append(f).append('\0').append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        }
        String k = key.toString();
        Content c = folders.get(k);
        if (c != null) {
            used.put(k, c);
            return new ParsedContent(c, java.util.List.of());
        }
        ParsedContent parsed = load.get();
        folders.put(k, parsed.content());
        used.put(k, parsed.content());
        return parsed;
    }

    /** After a load: forgets the folders the load did not use (deleted or changed ones). */
    void loaded() {
        if (!keeps) return;
        folders.keySet().retainAll(used.keySet());
        used.clear();
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
