package org.goguides.site.render;

import org.goguides.site.view.BuildException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The staged writer's last guard: a path made from content never leaves the output folder, checked after normalisation (issue 13.5). */
class SiteWriterTest {
    @Test
    void pathsOutsideTheOutputAreRefused(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        try (SiteWriter.Staged staged = SiteWriter.stage(out)) {
            for (String bad : List.of("../x.html", "en/../../x.html", "/etc/x", "a/../../x", "", "a\0b", "..")) {
                assertThrows(BuildException.class, () -> staged.write(bad, new byte[] {1}), bad);
            }
            staged.write("en/a/../b/index.html", new byte[] {1});
            staged.commit();
        }
        assertEquals(1, Files.size(out.resolve("en/b/index.html")));
        assertFalse(Files.exists(tmp.resolve("x.html")));
    }
}
