package org.udjat.notify.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed server certificates made once per test run with the JDK's keytool, in
 * {@code target/test-certs}: a PKCS#12 key store for the server and the certificate as PEM for
 * {@code trust_file}. GreenMail's SMTPS server is pointed at the {@link #SERVER} key store.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit";
    /** For 127.0.0.1 and localhost: what the TLS tests connect to. */
    static final TestCertificates SERVER = make("server", "SAN=ip:127.0.0.1,dns:localhost");
    /** Another self-signed certificate: trusting it does not trust the server. */
    static final TestCertificates OTHER = make("other", "SAN=ip:127.0.0.1,dns:localhost");
    /** Names only mail.example.org: right trust, wrong name for 127.0.0.1. */
    static final TestCertificates WRONG_NAME = make("wrong-name", "SAN=dns:mail.example.org");

    static {
        System.setProperty("greenmail.tls.keystore.file", SERVER.keyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", PASSWORD);
    }

    final Path keyStore;
    final Path pem;

    private TestCertificates(Path keyStore, Path pem) {
        this.keyStore = keyStore;
        this.pem = pem;
    }

    /** Makes sure the certificates exist and GreenMail's SMTPS will present {@link #SERVER} (it reads the property at start). */
    static void install() {
        SERVER.keyStore.toFile();
    }

    /** A server-side TLS context presenting this certificate. */
    SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + keyStore, e);
        }
    }

    private static TestCertificates make(String name, String san) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-certs")).toAbsolutePath();
            Path store = dir.resolve(name + ".p12");
            Path pem = dir.resolve(name + ".pem");
            Files.deleteIfExists(store);
            keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=udjat test " + name, "-ext", san, "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            writePem(store, name, pem);
            return new TestCertificates(store, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code keytool -exportcert -rfc} writes, without starting another JVM. */
    private static void writePem(Path store, String alias, Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            byte[] der = ks.getCertificate(alias).getEncoded();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + store, e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + command + "\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
