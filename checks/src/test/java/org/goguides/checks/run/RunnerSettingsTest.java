package org.goguides.checks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The runner's caches follow {@code GOGUIDES_CACHE_DIR}, {@code XDG_CACHE_HOME} and {@code HOME} (root: /var/cache), so a fresh run can mean empty caches. */
class RunnerSettingsTest {
    @Test
    void theCacheFollowsXdgThenHomeThenTheAccountsHome() {
        assertEquals(Path.of("/x/goguides"), RunnerSettings.defaultCacheDir(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h"), "/root", false));
        assertEquals(Path.of("/h/.cache/goguides"), RunnerSettings.defaultCacheDir(Map.of("HOME", "/h"), "/root", false));
        // the XDG spec ignores a relative path
        assertEquals(Path.of("/h/.cache/goguides"), RunnerSettings.defaultCacheDir(Map.of("XDG_CACHE_HOME", "rel", "HOME", "/h"), "/root", false));
        assertEquals(Path.of("/root/.cache/goguides"), RunnerSettings.defaultCacheDir(Map.of(), "/root", false));
    }

    @Test
    void rootUsesAFolderNobodyCanReachUnlessTheCacheIsNamed() {
        assertEquals(Path.of("/var/cache/goguides"), RunnerSettings.defaultCacheDir(Map.of("HOME", "/h"), "/root", true));
        assertEquals(Path.of("/x/goguides"), RunnerSettings.defaultCacheDir(Map.of("XDG_CACHE_HOME", "/x"), "/root", true));
        // .ci/fresh-run names it, so that a cold run starts from empty caches as root too
        assertEquals(Path.of("/f/cache"), RunnerSettings.defaultCacheDir(Map.of("GOGUIDES_CACHE_DIR", "/f/cache", "XDG_CACHE_HOME", "/x"), "/root", true));
        assertEquals(Path.of("/f/cache"), RunnerSettings.defaultCacheDir(Map.of("GOGUIDES_CACHE_DIR", "/f/cache"), "/home/u", false));
        assertEquals(Path.of("/var/cache/goguides"), RunnerSettings.defaultCacheDir(Map.of("GOGUIDES_CACHE_DIR", "rel"), "/root", true));
    }
}
