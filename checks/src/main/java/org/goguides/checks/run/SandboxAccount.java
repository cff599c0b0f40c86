package org.goguides.checks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The password database a sandboxed step sees: the host's, with the sandbox user's home set to the session's
 * HOME. A reader's account has its home where {@code $HOME} points; the sandbox user's real entry
 * ({@code nobody}, home {@code /nonexistent}) would send tools that ask the database instead of {@code $HOME}
 * (Delve's history, ssh's known hosts) to a folder that does not exist.
 */
final class SandboxAccount {
    private static final Path HOST_PASSWD = Path.of("/etc/passwd");

    private SandboxAccount() {
    }

    /** The host's /etc/passwd (trusted: a snippet never writes the host's system files), or "" if unreadable; read once. */
    static String hostPasswd() {
        return Host.PASSWD;
    }

    private static final class Host {
        static final String PASSWD = read();

        private static String read() {
            try {
                return Files.readString(HOST_PASSWD, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }

    /** {@code hostPasswd} with the home of {@code uid}'s entry replaced by {@code home}, or such an entry added. */
    static String passwd(String hostPasswd, int uid, Path home) {
        StringBuilder out = new StringBuilder(hostPasswd.length() + 64);
        boolean found = false;
        for (String line : hostPasswd.split("\n", -1)) {
            if (line.isEmpty()) continue;
            String[] f = line.split(":", -1);
            if (f.length == 7 && f[2].equals(Integer.toString(uid))) {
                f[5] = home.toString();
                line = String.join(":", f);
                found = true;
            }
            out.append(line).append('\n');
        }
        if (!found) out.append("sandbox:x:").append(uid).append(':').append(uid).append("::").append(home).append(":/bin/sh\n");
        return out.toString();
    }
}
