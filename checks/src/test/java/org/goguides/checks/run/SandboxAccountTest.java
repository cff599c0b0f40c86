package org.goguides.checks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SandboxAccountTest {
    private static final String HOST = "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";

    @Test
    void theSandboxUsersHomeIsTheSessionsHome() {
        assertEquals("root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/s/home:/usr/sbin/nologin\n",
                SandboxAccount.passwd(HOST, 65534, Path.of("/s/home")));
    }

    @Test
    void aUserWithoutAnEntryGetsOne() {
        assertEquals(HOST + "sandbox:x:4242:4242::/s/home:/bin/sh\n", SandboxAccount.passwd(HOST, 4242, Path.of("/s/home")));
    }
}
