package org.goguides.checks.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Host snapshots let the CI user come and go in the account files, and nothing else. */
class AccountFilesTest {
    @Test
    void onlyTheCiUsersLinesAreLeftOut() {
        String before = "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
        String withCi = before + "goguides-ci:x:1001:1001::/home/goguides-ci:/bin/bash\n";
        assertEquals(AccountFiles.withoutCiUser(before), AccountFiles.withoutCiUser(withCi));
        // what a hostile snippet would do is still a difference
        assertNotEquals(AccountFiles.withoutCiUser(before), AccountFiles.withoutCiUser(before + "evil:x:0:0::/root:/bin/bash\n"));
        assertNotEquals(AccountFiles.withoutCiUser(before), AccountFiles.withoutCiUser(before.replace("root:x:0", "root::0")));
        assertNotEquals(AccountFiles.withoutCiUser(before), AccountFiles.withoutCiUser(before + "goguides-ci-evil:x:0:0::/:/bin/sh\n"));
    }

    @Test
    void backupsAndTheLockOfTheAccountFilesAreKnownOthersNot() {
        assertTrue(AccountFiles.isBackupOrLock(Path.of("/etc/passwd-")));
        assertTrue(AccountFiles.isBackupOrLock(Path.of("/etc/subuid-")));
        assertTrue(AccountFiles.isBackupOrLock(Path.of("/etc/.pwd.lock")));
        assertFalse(AccountFiles.isBackupOrLock(Path.of("/etc/passwd")));
        assertFalse(AccountFiles.isBackupOrLock(Path.of("/etc/hosts-")));
        assertFalse(AccountFiles.isBackupOrLock(Path.of("/tmp/passwd-")));
    }
}
