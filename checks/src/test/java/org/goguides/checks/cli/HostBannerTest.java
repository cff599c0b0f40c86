package org.goguides.checks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.goguides.checks.engine.Constants;

/** The banner knows the host of the launch it listens to, and no other: never an earlier launch's, never a placeholder. */
class HostBannerTest {
    @TempDir
    Path tmp;

    void launch(HostBanner banner, Map<String, String> config) {
        var req = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(Path.of("src/test/resources/tworuns").toFile()))
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameter(Constants.CACHE_DIR, tmp.resolve("cache").toString())
                .configurationParameter(Constants.SANDBOX, "none")
                .configurationParameter(Constants.OFFLINE, "true")
                .configurationParameters(config);
        try (LauncherSession s = LauncherFactory.openSession()) {
            s.getLauncher().execute(req.build(), banner);
        }
    }

    @Test
    void eachLaunchHasItsOwnHostAndALaunchThatNeverStartedHasNone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HostBanner banner = new HostBanner(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        launch(banner, Map.of(Constants.HOST_PREFIX + "distroId", "alpha", Constants.HOST_PREFIX + "distroVersion", "1"));
        assertTrue(banner.hostKey().contains("-alpha-1-"), banner.hostKey());
        launch(banner, Map.of(Constants.HOST_PREFIX + "distroId", "beta", Constants.HOST_PREFIX + "distroVersion", "2"));
        assertTrue(banner.hostKey().contains("-beta-2-"), banner.hostKey());
        launch(banner, Map.of(Constants.CONSOLE_SHELL, "fish"));
        assertNull(banner.hostKey(), "the engine did not start: no host, not the previous launch's");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, out.lines().filter(l -> l.startsWith("host: ")).count(), out);
        assertTrue(out.contains("isolation: none — no sandbox"), out);
    }
}
