package org.udjat.notify.webhook.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code trust_file}: PEM certificates of a private CA. When given, the server's certificate
 * must chain to one of them; the JDK's default CAs are then not trusted for that channel.
 */
final class TrustFile {
    private TrustFile() {
    }

    /** A TLS context trusting exactly the certificates in {@code pem}. */
    static SSLContext context(Path pem) throws Unsendable {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new Unsendable("trust_file " + pem + ": no PEM certificate in it");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("trusted-" + i++, c);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new Unsendable("trust_file " + pem + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new Unsendable("trust_file " + pem + ": expected PEM certificates, got " + e.getMessage());
        }
    }
}
