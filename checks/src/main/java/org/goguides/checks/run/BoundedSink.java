package org.goguides.checks.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Drains a process's output on its own thread, keeps at most {@code cap} bytes and counts the rest,
 * so a snippet that prints gigabytes neither blocks on a full pipe nor exhausts memory.
 */
final class BoundedSink implements Runnable {
    private final InputStream in;
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Runnable onOverflow;
    private long total;
    private boolean overflowed;

    BoundedSink(InputStream in, int cap, Runnable onOverflow) {
        this.in = in;
        this.cap = cap;
        this.onOverflow = onOverflow;
    }

    @Override
    public void run() {
        byte[] buf = new byte[16384];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                boolean notify;
                synchronized (this) {
                    int keep = (int) Math.max(0, Math.min(n, cap - total));
                    if (keep > 0) kept.write(buf, 0, keep);
                    total += n;
                    notify = !overflowed && total > cap;
                    if (notify) overflowed = true;
                }
                if (notify) onOverflow.run();
            }
        } catch (IOException e) {
            // the process was killed and its pipe closed: what was read is kept
        }
    }

    synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    synchronized long total() {
        return total;
    }

    synchronized boolean overflowed() {
        return overflowed;
    }
}
