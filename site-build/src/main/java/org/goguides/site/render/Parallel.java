package org.goguides.site.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the per-page work of a build on every core: an ordered map over a list, whose exceptions
 * (a template error naming its file and line, an I/O error) reach the caller unchanged.
 */
public final class Parallel {
    /** One worker per core, daemon threads, kept for the life of the process (serve rebuilds reuse them). */
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), daemon("render"));
    /** For work that waits on other processes (git) while the workers render. */
    public static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(daemon("background"));

    private Parallel() {
    }

    /** A function that may throw an I/O error. */
    @FunctionalInterface
    public interface Work<T, R> {
        R apply(T t) throws IOException;
    }

    /** {@code f} applied to every item, results in the items' order (a mutable list). */
    public static <T, R> List<R> map(List<T> items, Work<T, R> f) throws IOException {
        int n = items.size();
        int workers = Math.min(n, Math.max(1, Runtime.getRuntime().availableProcessors()));
        @SuppressWarnings("unchecked")
        R[] out = (R[]) new Object[n];
        if (workers <= 1) {
            for (int i = 0; i < n; i++) out[i] = f.apply(items.get(i));
            return new ArrayList<>(java.util.Arrays.asList(out));
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(WORKERS.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    try {
                        out[i] = f.apply(items.get(i));
                    } catch (IOException e) {
                        next.set(n);
                        throw new UncheckedIOException(e);
                    } catch (RuntimeException | Error e) {
                        next.set(n);
                        throw e;
                    }
                }
                return null;
            }));
        }
        Throwable failure = null;
        for (Future<?> r : running) {
            try {
                r.get();
            } catch (ExecutionException e) {
                if (failure == null) failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        if (failure instanceof UncheckedIOException u) throw u.getCause();
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        return new ArrayList<>(java.util.Arrays.asList(out));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
