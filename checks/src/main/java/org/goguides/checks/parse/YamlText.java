package org.goguides.checks.parse;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a YAML document of the project (a guide header, {@code site.yml}, {@code platforms.yml}, interface
 * text): the plain kind without a library ({@link PlainYaml}), everything else with SnakeYAML through Jackson,
 * whose results and error messages stay the only ones. A start-up that meets only plain files never loads the
 * library, which costs a fresh JVM about 120 ms of CPU before its first reading.
 */
public final class YamlText {
    /** SnakeYAML through Jackson, made when a document is first read that {@link PlainYaml} leaves to it. */
    private static final class Library {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    private YamlText() {
    }

    /** The document's value (maps, lists, text, numbers, booleans, or null), as the YAML library reads it. */
    public static Object read(String yaml) throws JsonProcessingException {
        Object plain = PlainYaml.read(yaml);
        return plain != null ? plain : Library.MAPPER.readValue(yaml, Object.class);
    }

    /** The document as a map, as the YAML library reads it into one (null for an empty document; an error for another value). */
    public static Map<?, ?> readMap(String yaml) throws JsonProcessingException {
        Map<String, Object> plain = PlainYaml.read(yaml);
        return plain != null ? plain : Library.MAPPER.readValue(yaml, Map.class);
    }
}
