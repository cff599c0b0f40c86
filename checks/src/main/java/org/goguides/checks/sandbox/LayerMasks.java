package org.goguides.checks.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.goguides.checks.run.HostTools;

/**
 * What an id-mapped root layer must hide: its views make every file the host's root owns the step's root's, so
 * every file of the layered folders that a user other than root could not read on the host (no o+r) and every
 * folder it could not enter or list (no o+x or o+r) is masked, found by one walk per run (a class of secrets,
 * not a list of names: TLS keys, debconf passwords, btmp, opasswd, the runner's own caches). The walk is the
 * host's {@code find} (by absolute path, fixed environment, as the runner), which never follows a link, stays on
 * each folder's own file system (the id-mapped clone shows that mount alone) and skips what the sandbox hides
 * anyway. A file is then shown as an empty read-only file, a folder as an empty, small tmpfs.
 *
 * @param files regular files to show empty
 * @param folders folders to show empty
 * @param millis how long the walk took
 */
record LayerMasks(List<Path> files, List<Path> folders, long millis) {
    LayerMasks {
        files = List.copyOf(files);
        folders = List.copyOf(folders);
    }

    /** A few words for the start of a run: {@code 23 files and 9 folders masked (walk 1700 ms)}. */
    String describe() {
        return files.size() + " files and " + folders.size() + " folders no other user may read masked (walk " + millis + " ms)";
    }

    /** Walks {@code dirs}, leaving out {@code hidden} (and what lies below it). */
    static LayerMasks scan(List<Path> dirs, List<Path> hidden) throws IOException {
        long t0 = System.nanoTime();
        List<String> cmd = new ArrayList<>(HostTools.command("find"));
        for (Path d : dirs) cmd.add(d.toString());
        cmd.add("-xdev");
        if (!hidden.isEmpty()) {
            cmd.add("(");
            for (int i = 0; i < hidden.size(); i++) {
                if (i > 0) cmd.add("-o");
                cmd.addAll(List.of("-path", hidden.get(i).toString()));
            }
            cmd.addAll(List.of(")", "-prune", "-o"));
        }
        // folders: D + path, pruned (nothing below a masked folder is shown); files: F + path
        cmd.addAll(List.of("(", "-type", "d", "(", "!", "-perm", "-o=x", "-o", "!", "-perm", "-o=r", ")",
                "-printf", "D%p\\0", "-prune", ")", "-o", "(", "-type", "f", "!", "-perm", "-o=r", "-printf", "F%p\\0", ")"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(HostTools.ENVIRONMENT);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("the walk for the root layer's masks took more than 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while walking for the root layer's masks");
        }
        // find says 1 when a folder could not be read: the runner is root, so that is a vanishing file; output still counts
        if (p.exitValue() > 1) throw new IOException("find of the root layer's masks failed (exit " + p.exitValue() + ")");
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (String entry : new String(out, StandardCharsets.UTF_8).split("\0")) {
            if (entry.length() < 2) continue;
            (entry.charAt(0) == 'D' ? folders : files).add(Path.of(entry.substring(1)));
        }
        return new LayerMasks(files, folders, (System.nanoTime() - t0) / 1_000_000);
    }
}
