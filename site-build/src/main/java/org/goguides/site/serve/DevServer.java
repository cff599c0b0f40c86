package org.goguides.site.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The preview server: serves the built site on localhost, watches content and templates, rebuilds
 * on change and tells open pages to reload (server-sent events; the reload script is added to
 * HTML only here, never to the published site).
 */
public final class DevServer {
    private static final String EVENTS = "/__goguides/events";
    /** The live-reload script, a file of its own: the pages' Content-Security-Policy allows no inline script. */
    private static final String RELOAD = "/__goguides/reload.js";
    private static final String RELOAD_TAG = "<script src=\"" + RELOAD + "\"></script>";
    private static final byte[] RELOAD_JS = ("new EventSource('" + EVENTS + "').onmessage=function(){location.reload()};\n")
            .getBytes(StandardCharsets.UTF_8);
    /** The published site's headers (netlify.toml), sent with every response. */
    private static final Map<String, String> SECURITY = SecurityHeaders.forEveryPage();
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "json", "application/json; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "xml", "application/xml; charset=utf-8", "txt", "text/plain; charset=utf-8");

    private final Path site;
    private final String host;
    private final int port;
    private final Runnable rebuild;
    private final List<Path> watched;
    private final PrintStream out;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public DevServer(Path site, String host, int port, Runnable rebuild, List<Path> watched, PrintStream out) {
        this.site = site.toAbsolutePath().normalize();
        this.host = host;
        this.port = port;
        this.rebuild = rebuild;
        this.watched = watched;
        this.out = out;
    }

    public int start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", this::serve);
        server.createContext(EVENTS, this::events);
        server.createContext(RELOAD, ex -> {
            try (ex) {
                send(ex, 200, TYPES.get("js"), RELOAD_JS);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "serve");
            t.setDaemon(false);
            return t;
        }));
        server.start();
        int actual = server.getAddress().getPort();
        out.println("serving " + site + " at http://" + host + ":" + actual + "/ (Ctrl-C to stop)");
        Thread watcher = new Thread(this::watch, "watch");
        watcher.setDaemon(true);
        watcher.start();
        return actual;
    }

    public void stop() {
        if (server != null) server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = java.net.URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path file = site.resolve(path.substring(1)).normalize();
            if (!file.startsWith(site)) {
                send(ex, 403, "text/plain; charset=utf-8", "forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    SECURITY.forEach(ex.getResponseHeaders()::set);
                    ex.getResponseHeaders().set("Location", path + "/");
                    ex.sendResponseHeaders(301, -1);
                    return;
                }
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!Files.isRegularFile(file)) {
                status = 404;
                String lang = path.length() > 3 && path.charAt(3) == '/' ? path.substring(1, 3) : "";
                file = Files.isRegularFile(site.resolve(lang + "/404.html")) ? site.resolve(lang + "/404.html") : site.resolve("404.html");
                if (!Files.isRegularFile(file)) {
                    send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            byte[] body = Files.readAllBytes(file);
            if (ext.equals("html")) {
                String html = new String(body, StandardCharsets.UTF_8).replace("</body>", RELOAD_TAG + "</body>");
                body = html.getBytes(StandardCharsets.UTF_8);
            }
            send(ex, status, TYPES.getOrDefault(ext, "application/octet-stream"), body);
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        SECURITY.forEach(ex.getResponseHeaders()::set);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private void events(HttpExchange ex) throws IOException {
        SECURITY.forEach(ex.getResponseHeaders()::set);
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream body = ex.getResponseBody();
        body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        listeners.add(body);
    }

    private void notifyReload() {
        for (OutputStream o : listeners) {
            try {
                o.write("data: reload\n\n".getBytes(StandardCharsets.UTF_8));
                o.flush();
            } catch (IOException e) {
                listeners.remove(o);
            }
        }
    }

    private void watch() {
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            for (Path root : watched) register(ws, root);
            while (true) {
                WatchKey key = ws.take();
                // let a burst of saves settle, then rebuild once
                WatchKey more;
                do {
                    Path watchedDir = (Path) key.watchable();
                    for (var e : key.pollEvents()) {
                        if (e.context() instanceof Path p && e.kind() == StandardWatchEventKinds.ENTRY_CREATE
                                && Files.isDirectory(watchedDir.resolve(p))) {
                            register(ws, watchedDir.resolve(p));
                        }
                    }
                    key.reset();
                    more = ws.poll(30, TimeUnit.MILLISECONDS);
                    if (more != null) key = more;
                } while (more != null);
                rebuild.run();
                notifyReload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | ClosedWatchServiceException e) {
            out.println("file watching stopped: " + e.getMessage());
        }
    }

    private static void register(WatchService ws, Path root) {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path d : (Iterable<Path>) s.filter(Files::isDirectory)::iterator) {
                d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException e) {
            // a folder that vanished while registering is not watched
        }
    }
}
