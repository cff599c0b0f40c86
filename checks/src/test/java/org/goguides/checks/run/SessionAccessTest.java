package org.goguides.checks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root runner's session is reachable by the sandbox user alone: a snippet can make its own files setuid (a
 * {@code root} step's {@code chmod 4755} in its layer, any step's in its home), and the session's path is in every
 * host process's command line, so a session open to all would hand any local user the sandbox user's id.
 */
class SessionAccessTest {
    static final int NOBODY = 65534;

    @TempDir
    Path tmp;

    @Test
    void aRootRunnersSessionIsClosedToOtherUsers() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only a root runner hands sessions to the sandbox user");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        Session s = Session.create(tmp.resolve("work"), "t", Map.of("PATH", "/usr/bin"), NOBODY, null);
        try {
            Path root = s.home().getParent();
            assertEquals("rwx--x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS)),
                    "other users cannot pass the session folder");
            assertEquals(NOBODY, Files.getAttribute(root, "unix:gid", LinkOption.NOFOLLOW_LINKS), "the sandbox user passes it by its group");
        } finally {
            s.delete();
        }
    }
}
