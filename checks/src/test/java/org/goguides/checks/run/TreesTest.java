package org.goguides.checks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's host-side file operations on a session a snippet wrote: no link is ever followed. */
class TreesTest {
    @TempDir
    Path tmp;

    @Test
    void deletingASessionChangesNothingALinkPointsTo() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret"), "s\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("r--------"));
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("r-x------"));
        Path session = Files.createDirectories(tmp.resolve("session/home/ro"));
        Files.createSymbolicLink(session.resolve("file-link"), secret);
        Files.createSymbolicLink(session.resolve("dir-link"), outside);
        Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("r-x------"));

        Trees.deleteQuietly(tmp.resolve("session"));

        assertFalse(Files.exists(tmp.resolve("session"), LinkOption.NOFOLLOW_LINKS), "the session is gone");
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)), "no chmod through a file link");
        assertEquals("r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)), "no chmod through a folder link");
        assertTrue(Files.exists(secret), "nothing deleted through a link");
    }

    @Test
    void aFolderClosedToItsOwnerIsStillRemoved() throws Exception {
        Path closed = Files.createDirectories(tmp.resolve("session/home/closed/deeper"));
        Files.writeString(closed.resolve("big"), "x\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(closed.getParent(), PosixFilePermissions.fromString("---------"));

        Trees.deleteQuietly(tmp.resolve("session"));

        assertFalse(Files.exists(tmp.resolve("session"), LinkOption.NOFOLLOW_LINKS), "a snippet's chmod 000 leaves nothing behind");
    }

    @Test
    void savedStateIsReadOnlyFromPlainFilesOfBoundedSize() throws Exception {
        Session s = Session.create(tmp.resolve("work"), "t", Map.of("PATH", "/usr/bin"));
        Path cwd = s.state().resolve("cwd");
        Path env = s.state().resolve("env");
        Files.createSymbolicLink(cwd, Path.of("/etc/hostname"));
        Files.writeString(env, "A=1\0B=2\0", StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), s.readState(cwd, env));
        assertEquals(s.home(), s.cwd(), "a link as saved directory is not read");
        assertEquals("1", s.env().get("A"));

        Files.delete(env);
        Files.writeString(env, "X=" + "x".repeat(Session.MAX_ENV_BYTES), StandardCharsets.UTF_8);
        assertEquals(Optional.of("exported more than 256 KiB of variables (environment bound)"), s.readState(cwd, env));
        assertEquals("1", s.env().get("A"), "the earlier variables are kept");
        s.delete();
    }
}
