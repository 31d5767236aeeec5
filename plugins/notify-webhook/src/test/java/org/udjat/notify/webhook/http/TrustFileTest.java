package org.udjat.notify.webhook.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Delivery;
import org.udjat.testkit.LoopbackPort;

/**
 * {@code trust_file} against a real HTTPS server on 127.0.0.1 whose self-signed certificate
 * the JDK's keytool makes for this test.
 */
class TrustFileTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static Path pem;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        pem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", LoopbackPort.free("127.0.0.1")), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, p.exitValue(), output);
    }

    private static Delivery post(Optional<Path> trustFile) {
        URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        return HttpDelivery.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")),
                trustFile, TIMEOUT, Optional.empty());
    }

    @Test
    void aServerWithAPrivateCertificateIsTrustedThroughTheTrustFile() {
        assertEquals(Delivery.ok(), post(Optional.of(pem)));
    }

    @Test
    void withoutTheTrustFileItsCertificateIsRejected() {
        Delivery d = post(Optional.empty());
        assertFalse(d.delivered());
        assertFalse(d.retry(), "waiting does not make a certificate trusted");
        assertTrue(d.reason().startsWith("TLS with 127.0.0.1:" + server.getAddress().getPort() + " failed: "), d.reason());
    }

    @Test
    void aTrustFileThatIsMissingOrNotPemIsRejected() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertEquals(Delivery.rejected("trust_file " + missing + ": cannot read it (NoSuchFileException)"),
                post(Optional.of(missing)));
        Path text = Files.writeString(dir.resolve("text.pem"), "not a certificate\n");
        Delivery d = post(Optional.of(text));
        assertFalse(d.retry());
        assertTrue(d.reason().startsWith("trust_file " + text + ": "), d.reason());
    }
}
