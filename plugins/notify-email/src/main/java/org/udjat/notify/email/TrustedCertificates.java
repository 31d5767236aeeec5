package org.udjat.notify.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a TLS connection to the SMTP server trusts: the system's CAs, plus those of
 * {@code trust_file} (PEM) for a private CA or a self-signed server. Only trust is added; the
 * JDK's own checks (chain, validity, and the host name unless turned off) still run.
 */
final class TrustedCertificates {
    private TrustedCertificates() {
    }

    /** What is wrong with a trust file, for the config check; empty when it holds certificates. */
    static Optional<String> problem(Path file) {
        try {
            read(file);
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The X.509 certificates in a PEM (or DER) file; at least one. */
    static List<X509Certificate> read(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException("expected PEM certificates (-----BEGIN CERTIFICATE-----) in " + file
                    + ": " + e.getMessage(), e);
        }
        List<X509Certificate> x509 = new ArrayList<>();
        certificates.forEach(c -> x509.add((X509Certificate) c));
        if (x509.isEmpty()) {
            throw new GeneralSecurityException("expected PEM certificates (-----BEGIN CERTIFICATE-----) in " + file
                    + ", found none");
        }
        return x509;
    }

    /** A socket factory trusting the system's CAs and, when given, the certificates of the trust file. */
    static SSLSocketFactory socketFactory(Optional<Path> trustFile) throws IOException, GeneralSecurityException {
        if (trustFile.isEmpty()) {
            return SSLContext.getDefault().getSocketFactory();
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        int n = 0;
        for (X509Certificate ca : systemTrust().getAcceptedIssuers()) {
            trusted.setCertificateEntry("system-" + n++, ca);
        }
        for (X509Certificate own : read(trustFile.get())) {
            trusted.setCertificateEntry("trust-file-" + n++, own);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager m : factory.getTrustManagers()) {
            if (m instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
