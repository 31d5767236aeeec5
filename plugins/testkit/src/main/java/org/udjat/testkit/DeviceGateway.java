package org.udjat.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A device-gateway service and its field devices, all on 127.0.0.1, for tests of the device
 * checks: the gateway listens on a free port; each of N simulated devices opens a real TCP
 * connection to it and goes through a small handshake ({@code HELLO id}, {@code CONFIG},
 * {@code READY}), after which the gateway declares it online. The online list is written to
 * {@code online.json} (a JSON list of {@code {"id", "address"}}) and {@code online.txt} (lines
 * of {@code id address}) in the given directory, each replaced atomically, and served over HTTP
 * on loopback at {@code /online} (JSON) and {@code /online.txt}; {@code /data/ID} answers the
 * time of the device's latest data in seconds since the epoch, 404 for a device that is not online.
 *
 * <p>{@link #stuck()} makes the gateway accept connections but never declare them online, as a
 * stuck service does; {@link #restart()} drops every connection and clears that, the devices
 * reconnect and come online again. {@code POST /restart} does the same, for a remediation that
 * restarts the gateway from a shell. Thread-safe; close it at the end.
 */
public final class DeviceGateway implements AutoCloseable {
    private final int devices;
    private final Path dir;
    private final ServerSocket server;
    private final HttpServer http;
    /** id -> remote address of the device's connection, as the gateway sees it. */
    private final Map<String, String> online = new ConcurrentHashMap<>();
    private final Map<String, Instant> dataTimes = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean stuck;
    private boolean closed;
    private volatile Instant dataTime = Instant.now();

    private DeviceGateway(int devices, Path dir) throws IOException {
        this.devices = devices;
        this.dir = dir;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        server = new ServerSocket(0, 200, loopback);
        http = HttpServer.create(new InetSocketAddress(loopback, 0), 50);
        http.createContext("/online", x -> reply(x, 200, x.getRequestURI().getPath().endsWith(".txt") ? lines() : json()));
        http.createContext("/data/", x -> {
            String id = x.getRequestURI().getPath().substring("/data/".length());
            Instant t = online.containsKey(id) ? dataTimes.getOrDefault(id, dataTime) : null;
            reply(x, t == null ? 404 : 200, t == null ? "no such device online\n" : t.getEpochSecond() + "\n");
        });
        http.createContext("/restart", x -> {
            restart();
            reply(x, 200, "restarted\n");
        });
        http.start();
        Thread acceptor = new Thread(this::accept, "gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        publish();
    }

    /**
     * Starts a gateway with this many devices, writing its online lists into {@code dir}, and
     * waits until they are all online.
     */
    public static DeviceGateway start(int devices, Path dir) {
        try {
            DeviceGateway g = new DeviceGateway(devices, dir);
            g.connectDevices();
            g.awaitOnline(devices, Duration.ofSeconds(10));
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway service's TCP port on 127.0.0.1. */
    public int port() {
        return server.getLocalPort();
    }

    /** The base URL of the HTTP side, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** The online list as JSON. */
    public Path onlineJson() {
        return dir.resolve("online.json");
    }

    /** The online list as lines of {@code id address}. */
    public Path onlineLines() {
        return dir.resolve("online.txt");
    }

    /** The devices declared online now, id to remote address. */
    public Map<String, String> online() {
        return new TreeMap<>(online);
    }

    /** The ids of the simulated devices: {@code dev-1} to {@code dev-N}. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= devices; i++) {
            ids.add("dev-" + i);
        }
        return ids;
    }

    /** From now on the gateway accepts connections and never declares them online; then reconnects every device. */
    public void stuck() {
        stuck = true;
        dropAll();
        connectDevices();
    }

    /** Drops every connection and leaves stuck mode; the devices reconnect, and this waits until they are online. */
    public void restart() {
        stuck = false;
        dropAll();
        connectDevices();
        awaitOnline(devices, Duration.ofSeconds(10));
    }

    /** The time every device's latest data is reported with, unless set per device. */
    public void dataTime(Instant time) {
        dataTime = time;
    }

    /** The time one device's latest data is reported with. */
    public void dataTime(String id, Instant time) {
        dataTimes.put(id, time);
    }

    /** Waits until this many devices are online. @throws AssertionError when they are not in time */
    public void awaitOnline(int count, Duration timeout) {
        await(() -> online.size() == count, timeout, count + " devices online, have " + online.size());
    }

    /** Waits until the gateway has accepted this many device connections. */
    public void awaitConnected(int count, Duration timeout) {
        await(() -> accepted() == count, timeout, count + " connections, have " + accepted());
    }

    private int accepted() {
        synchronized (sockets) {
            return (int) sockets.stream().filter(s -> s.getLocalPort() == port() && !s.isClosed()).count();
        }
    }

    private static void await(java.util.function.BooleanSupplier done, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("device gateway: waited " + timeout.toSeconds() + "s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                keep(s);
                Thread t = new Thread(() -> serve(s), "gateway-device");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** The gateway side of one device: handshake, then online until the connection ends. */
    private void serve(Socket s) {
        String remote = s.getInetAddress().getHostAddress() + ":" + s.getPort();
        String id = null;
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            String hello = in.readLine();
            if (hello == null || !hello.startsWith("HELLO ") || stuck) {
                while (in.readLine() != null) {
                    // a stuck service keeps the connection and never answers
                }
                return;
            }
            id = hello.substring(6);
            out.write("CONFIG\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if ("READY".equals(in.readLine())) {
                online.put(id, remote);
                publish();
                while (in.readLine() != null) {
                    // connected and online until the device or a restart ends it
                }
            }
        } catch (IOException e) {
            // dropped by a restart
        } finally {
            if (id != null && remote.equals(online.get(id))) {
                online.remove(id);
                publish();
            }
        }
    }

    /** Each device: connect, say hello, answer the configuration, then stay connected. */
    private void connectDevices() {
        for (String id : ids()) {
            try {
                Socket d = new Socket(InetAddress.getByName("127.0.0.1"), port());
                keep(d);
                d.getOutputStream().write(("HELLO " + id + "\n").getBytes(StandardCharsets.US_ASCII));
                Thread t = new Thread(() -> device(d), "device-" + id);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                throw new UncheckedIOException("device " + id + " could not connect", e);
            }
        }
    }

    private static void device(Socket d) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(d.getInputStream(), StandardCharsets.US_ASCII));
            if ("CONFIG".equals(in.readLine())) {
                d.getOutputStream().write("READY\n".getBytes(StandardCharsets.US_ASCII));
                d.getOutputStream().flush();
            }
            while (in.readLine() != null) {
                // stays connected
            }
        } catch (IOException e) {
            // dropped
        }
    }

    private void keep(Socket s) {
        synchronized (sockets) {
            sockets.add(s);
        }
    }

    private void dropAll() {
        List<Socket> all;
        synchronized (sockets) {
            all = new ArrayList<>(sockets);
            sockets.clear();
        }
        for (Socket s : all) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
        await(online::isEmpty, Duration.ofSeconds(10), "every device to drop offline");
    }

    private String json() {
        StringBuilder b = new StringBuilder("[");
        new TreeMap<>(online).forEach((id, a) -> b.append(b.length() > 1 ? ",\n " : "\n ")
                .append("{\"id\": \"").append(id).append("\", \"address\": \"").append(a).append("\"}"));
        return b.append("\n]\n").toString();
    }

    private String lines() {
        StringBuilder b = new StringBuilder("# id address\n");
        new TreeMap<>(online).forEach((id, a) -> b.append(id).append(' ').append(a).append('\n'));
        return b.toString();
    }

    /** Rewrites both online files, each through a temporary file and a rename, so a reader never sees half. */
    private synchronized void publish() {
        if (closed) {
            return; // the directory may be going away with the test
        }
        try {
            write(onlineJson(), json());
            write(onlineLines(), lines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(text);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void reply(HttpExchange x, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        synchronized (this) {
            closed = true; // no more writes once this returns
        }
        dropAll();
    }
}
