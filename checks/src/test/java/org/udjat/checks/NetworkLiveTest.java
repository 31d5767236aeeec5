package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.ShellRunner;

/**
 * Runs the Linux and BusyBox commands of listening, tcp and http for real against servers this
 * test opens on 127.0.0.1: a listening socket, a port it just closed, a socket whose backlog is
 * full (connects to it time out), and JDK HTTP(S) servers. Nothing outside 127.0.0.1 is contacted;
 * names that do not resolve are covered by the recorded fixtures only, since trying one would ask
 * a DNS server.
 */
class NetworkLiveTest {
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    private static ServerSocket open;
    private static ServerSocket full;
    private static final List<Socket> fillers = new ArrayList<>();
    private static int closedPort;
    private static HttpServer web;

    @BeforeAll
    static void servers() throws IOException {
        open = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(() -> {
            while (!open.isClosed()) {
                try (Socket s = open.accept()) {
                    s.getInputStream().read();
                } catch (IOException e) {
                    // closed at the end, or a client that went away
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        // fill the accept queue, never accepting: the next SYN is dropped and a connect times out
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress("127.0.0.1", full.getLocalPort()), 300);
                fillers.add(s);
            } catch (IOException e) {
                s.close();
                break;
            }
        }
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = gone.getLocalPort();
        }
        web = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        web.createContext("/ok", x -> reply(x, 200, "udjat says hello\n"));
        web.createContext("/fail", x -> reply(x, 500, "broken\n"));
        web.createContext("/slow", x -> {
            sleep(4000);
            reply(x, 200, "too late\n");
        });
        web.start();
    }

    @AfterAll
    static void stop() throws IOException {
        web.stop(0);
        for (Socket s : fillers) {
            s.close();
        }
        full.close();
        open.close();
    }

    // ---- listening

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"system", "proc-only"})
    void linuxListeningFindsTheOpenPort(String tools, @TempDir Path bin) throws IOException {
        String command = new ListeningCheck().command(Platform.LINUX, Settings.empty()).orElseThrow();
        if (tools.equals("proc-only")) {
            // no ss, no netstat: the command must fall back to /proc/net/tcp
            link(bin, "cat", "/usr/bin/cat");
            command = "PATH=" + bin + "; " + command;
        }
        assertListening(ShellRunner.sh(command));
    }

    @Test
    void busyboxListeningFindsTheOpenPort(@TempDir Path bin) throws IOException {
        applets(bin, "netstat", "cat");
        assertListening(ShellRunner.busybox(new ListeningCheck().command(Platform.BUSYBOX, Settings.empty()).orElseThrow(), bin));
    }

    private static void assertListening(RawOutput out) {
        ListeningCheck check = new ListeningCheck();
        CheckOutcome found = check.parse(out, options("port", open.getLocalPort(), "address", "127.0.0.1"));
        assertEquals(Status.OK, found.status(), found.summary() + "\n" + out.text());
        assertEquals(1.0, found.perfData().get(0).value(), out.text());
        CheckOutcome missing = check.parse(out, options("port", List.of(open.getLocalPort(), closedPort)));
        assertEquals(Status.CRITICAL, missing.status(), missing.summary());
        assertEquals("LISTENING CRITICAL - nothing listens on port " + closedPort, missing.summary());
    }

    // ---- tcp

    /** Linux tcp with netcat when the machine has one, and with bash's /dev/tcp always. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"system", "bash", "nc"})
    void linuxTcpConnectsRefusesAndTimesOut(String tools, @TempDir Path bin) throws IOException {
        String prefix = "";
        if (!tools.equals("system")) {
            String tool = tools.equals("nc") ? which("nc") : which("bash");
            assertFalse(tool.isEmpty(), "no " + tools + " on this machine; .ci/run installs it (Debian: netcat-openbsd)");
            link(bin, tools, tool);
            link(bin, "date", which("date"));
            link(bin, "timeout", which("timeout"));
            prefix = "PATH=" + bin + "; ";
        }
        String finalPrefix = prefix;
        assertTcp(settings -> ShellRunner.sh(finalPrefix + new TcpCheck().command(Platform.LINUX, settings).orElseThrow()),
                tools.equals("system") ? "" : tools);
    }

    @Test
    void busyboxTcpConnectsRefusesAndTimesOut(@TempDir Path bin) throws IOException {
        applets(bin, "nc", "true");
        assertTcp(settings -> ShellRunner.busybox(new TcpCheck().command(Platform.BUSYBOX, settings).orElseThrow(), bin), "nc");
    }

    @Test
    void linuxTcpWithNoToolSaysSo(@TempDir Path bin) throws IOException {
        link(bin, "date", which("date"));
        RawOutput out = ShellRunner.sh("PATH=" + bin + "; " + new TcpCheck().command(Platform.LINUX, tcp(open.getLocalPort())).orElseThrow());
        CheckOutcome o = new TcpCheck().parse(out, tcp(open.getLocalPort()));
        assertEquals("TCP UNKNOWN - no tool to open a TCP connection (nc, bash)", o.summary());
    }

    private static void assertTcp(Runner run, String tool) {
        TcpCheck check = new TcpCheck();
        Settings up = tcp(open.getLocalPort());
        RawOutput out = run.run(up);
        if (!tool.isEmpty()) {
            assertTrue(out.text().contains("udjat-tcp " + tool + " "), out.text());
        }
        CheckOutcome o = check.parse(out, up);
        assertEquals(Status.OK, o.status(), o.summary() + "\n" + out.text());
        assertEquals("time", o.perfData().get(0).label());
        assertTrue(o.perfData().get(0).value() >= 0 && o.perfData().get(0).value() < 1, out.text());

        Settings refused = tcp(closedPort);
        CheckOutcome r = check.parse(run.run(refused), refused);
        assertEquals("TCP CRITICAL - 127.0.0.1:" + closedPort + " refused the connection", r.summary());

        Settings silent = tcp(full.getLocalPort());
        RawOutput t = run.run(silent);
        CheckOutcome timedOut = check.parse(t, silent);
        assertEquals("TCP CRITICAL - no answer from 127.0.0.1:" + full.getLocalPort() + " within 1s (connect timed out)",
                timedOut.summary(), t.text());

        Settings slowWarn = options("host", "127.0.0.1", "port", open.getLocalPort(), "connect_timeout", "1s", "warn", "@0:1s");
        assertEquals(Status.WARNING, check.parse(run.run(slowWarn), slowWarn).status());
    }

    private static Settings tcp(int port) {
        return options("host", "127.0.0.1", "port", port, "connect_timeout", "1s");
    }

    // ---- http

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"system", "curl", "wget"})
    void linuxHttpGetsStatusBodyAndTime(String tools, @TempDir Path bin) throws IOException {
        String prefix = "";
        if (!tools.equals("system")) {
            String tool = which(tools);
            assertFalse(tool.isEmpty(), "no " + tools + " on this machine; .ci/run installs it");
            link(bin, tools, tool);
            for (String t : List.of("mktemp", "rm", "cat", "date", "timeout")) {
                link(bin, t, which(t));
            }
            prefix = "PATH=" + bin + "; ";
        }
        String finalPrefix = prefix;
        assertHttp(settings -> ShellRunner.sh(finalPrefix + new HttpCheck().command(Platform.LINUX, settings).orElseThrow()));
    }

    @Test
    void busyboxHttpGetsStatusBodyAndTime(@TempDir Path bin) throws IOException {
        applets(bin, "wget", "mktemp", "rm", "cat", "timeout");
        assertHttp(settings -> ShellRunner.busybox(new HttpCheck().command(Platform.BUSYBOX, settings).orElseThrow(), bin));
    }

    private static void assertHttp(Runner run) {
        HttpCheck check = new HttpCheck();
        String base = "http://127.0.0.1:" + web.getAddress().getPort();
        Settings ok = options("url", base + "/ok", "body", "says\\s+hello", "request_timeout", "2s");
        RawOutput out = run.run(ok);
        CheckOutcome o = check.parse(out, ok);
        assertEquals(Status.OK, o.status(), o.summary() + "\n" + out.text());
        assertTrue(o.summary().startsWith("HTTP OK - 200"), o.summary());
        assertEquals("time", o.perfData().get(0).label(), out.text());

        Settings wrongBody = options("url", base + "/ok", "body", "^goodbye");
        assertEquals(Status.CRITICAL, check.parse(run.run(wrongBody), wrongBody).status());

        Settings fail = options("url", base + "/fail");
        CheckOutcome f = check.parse(run.run(fail), fail);
        assertEquals(Status.CRITICAL, f.status(), f.summary());
        assertTrue(f.summary().startsWith("HTTP CRITICAL - 500"), f.summary());

        Settings slow = options("url", base + "/slow", "request_timeout", "2s");
        RawOutput s = run.run(slow);
        assertEquals("HTTP CRITICAL - no response from " + base + "/slow within 2s (timed out)", check.parse(s, slow).summary(), s.text());

        Settings refused = options("url", "http://127.0.0.1:" + closedPort + "/");
        CheckOutcome r = check.parse(run.run(refused), refused);
        assertEquals(Status.CRITICAL, r.status(), r.summary());
        assertTrue(r.summary().contains("127.0.0.1:" + closedPort), r.summary());
    }

    /** HTTPS with a certificate keytool makes: refused unless insecure. */
    @Test
    void linuxHttpsWithASelfSignedCertificate(@TempDir Path dir) throws Exception {
        assertFalse(which("curl").isEmpty() && which("wget").isEmpty(), "no curl or wget; .ci/run installs them");
        Path keystore = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "udjat", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/ok", x -> reply(x, 200, "secret hello\n"));
        https.start();
        try {
            HttpCheck check = new HttpCheck();
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/ok";
            Settings verify = options("url", url);
            CheckOutcome refused = check.parse(ShellRunner.sh(check.command(Platform.LINUX, verify).orElseThrow()), verify);
            assertEquals(Status.CRITICAL, refused.status(), refused.summary());
            assertTrue(refused.summary().startsWith("HTTP CRITICAL - TLS failure talking to 127.0.0.1:"), refused.summary());
            Settings insecure = options("url", url, "insecure", true, "body", "secret");
            CheckOutcome accepted = check.parse(ShellRunner.sh(check.command(Platform.LINUX, insecure).orElseThrow()), insecure);
            assertEquals(Status.OK, accepted.status(), accepted.summary());
        } finally {
            https.stop(0);
        }
    }

    // ---- helpers

    /** Runs a check's command for the given options and returns what it printed. */
    private interface Runner {
        RawOutput run(Settings options);
    }

    private static void applets(Path bin, String... names) throws IOException {
        List<String> available = ShellRunner.sh(BUSYBOX + " --list").text().lines().toList();
        for (String a : names) {
            assertTrue(available.contains(a), "busybox has no " + a);
            Files.createSymbolicLink(bin.resolve(a), BUSYBOX);
        }
    }

    private static void link(Path bin, String name, String target) throws IOException {
        assertFalse(target.isEmpty(), "no " + name + " on this machine");
        Files.createSymbolicLink(bin.resolve(name), Path.of(target));
    }

    /** The path of a program on the system PATH, or empty. */
    private static String which(String program) {
        return ShellRunner.sh("command -v " + program).text().strip();
    }

    private static void reply(HttpExchange x, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
