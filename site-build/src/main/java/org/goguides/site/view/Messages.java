package org.goguides.site.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.goguides.checks.parse.YamlText;

/**
 * The interface text of one language, from {@code templates/i18n/<lang>.yml} (flat keys), falling
 * back to English for keys a translation lacks. Read by {@link YamlText}: plain files need no YAML library.
 */
public final class Messages {
    private Messages() {
    }

    public static Map<String, String> load(Path templates, String lang) {
        Map<String, String> m = new LinkedHashMap<>(read(templates.resolve("i18n/en.yml")));
        m.putAll(read(templates.resolve("i18n/" + lang + ".yml")));
        return Map.copyOf(m);
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) return Map.of();
        try {
            Map<?, ?> raw = YamlText.readMap(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, String> out = new LinkedHashMap<>();
            if (raw != null) raw.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
            return out;
        } catch (IOException e) {
            throw new BuildException(file + ":1: cannot read interface text: " + e.getMessage().split("\n")[0]);
        }
    }

    /** {@code t.get(key)} or the key itself, so a missing text shows up instead of breaking the page. */
    public static String text(Map<String, String> t, String key) {
        return t.getOrDefault(key, key);
    }
}
