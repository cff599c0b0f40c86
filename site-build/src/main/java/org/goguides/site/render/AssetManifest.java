package org.goguides.site.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The site's static assets under content-hashed names ({@code site.css} becomes
 * {@code assets/site.3f2a1c9e.css}), so they can be cached for a year: a changed file gets a new
 * name. Pages ask for an asset by its plain name and get the fingerprinted URL.
 */
public final class AssetManifest {
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** Reads every file of {@code dir} (recursively); a missing folder gives an empty manifest. */
    public static AssetManifest of(Path dir) throws IOException {
        AssetManifest m = new AssetManifest();
        if (dir == null || !Files.isDirectory(dir)) return m;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                m.add(rel, Files.readAllBytes(p));
            }
        }
        return m;
    }

    /** Adds a generated asset (e.g. a search index) under a fingerprinted name. */
    public String add(String name, byte[] content) {
        String hashed = fingerprint(name, content);
        files.put("assets/" + hashed, content);
        urls.put(name, "/assets/" + hashed);
        return "/assets/" + hashed;
    }

    /**
     * Appends generated text to a static asset (rules made from the settings, e.g. per platform) and
     * fingerprints the result; a missing asset is created.
     */
    public void append(String name, byte[] more) {
        String old = urls.get(name);
        byte[] before = old == null ? new byte[0] : files.remove(old.substring(1));
        byte[] joined = java.util.Arrays.copyOf(before, before.length + more.length);
        System.arraycopy(more, 0, joined, before.length, more.length);
        add(name, joined);
    }

    static String fingerprint(String name, byte[] content) {
        return withHash(name, sha256(content).substring(0, 10));
    }

    private static String withHash(String name, String hash) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash) return name + "." + hash;
        return name.substring(0, dot) + "." + hash + name.substring(dot);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain name ({@code site.css}) to URL ({@code /assets/site.3f2a1c9e01.css}). */
    public Map<String, String> urls() {
        return Map.copyOf(urls);
    }

    /** Site path to content, for the writer. */
    public Map<String, byte[]> files() {
        return files;
    }
}
