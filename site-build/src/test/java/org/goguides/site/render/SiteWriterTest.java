package org.goguides.site.render;

import org.goguides.site.view.BuildException;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The staged writer: a path made from content never leaves the output folder, checked after normalisation (issue 13.5);
 * files many paths repeat are one file under several names.
 */
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

    @Test
    void repeatedFilesAreOneFileUnderEachName(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        byte[] passed = "3/3 verified ✓".getBytes(StandardCharsets.UTF_8);
        byte[] failed = "1 failed".getBytes(StandardCharsets.UTF_8);
        try (SiteWriter.Staged staged = SiteWriter.stage(out)) {
            staged.writeShared("badges/a.svg", passed);
            staged.writeShared("badges/b.svg", failed);
            staged.writeShared("badges/c.svg", passed.clone());
            staged.writeShared("other/d.svg", passed);
            // a second write to a path would change every path linked to it
            assertThrows(FileAlreadyExistsException.class, () -> staged.writeShared("badges/c.svg", failed));
            assertThrows(FileAlreadyExistsException.class, () -> staged.write("badges/c.svg", failed));
            assertThrows(FileAlreadyExistsException.class, () -> staged.write("badges/c.svg", List.of(failed)));
            assertThrows(BuildException.class, () -> staged.writeShared("../e.svg", passed));
            staged.commit();
        }
        for (String p : List.of("badges/a.svg", "badges/c.svg", "other/d.svg")) {
            assertEquals("3/3 verified ✓", Files.readString(out.resolve(p), StandardCharsets.UTF_8), p);
        }
        assertEquals("1 failed", Files.readString(out.resolve("badges/b.svg"), StandardCharsets.UTF_8));
        assertTrue(Files.isSameFile(out.resolve("badges/a.svg"), out.resolve("badges/c.svg")));
        assertTrue(Files.isSameFile(out.resolve("badges/a.svg"), out.resolve("other/d.svg")));
        assertFalse(Files.isSameFile(out.resolve("badges/a.svg"), out.resolve("badges/b.svg")));
    }
}
