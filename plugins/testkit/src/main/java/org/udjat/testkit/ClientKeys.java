package org.udjat.testkit;

import java.nio.file.Path;

/**
 * Generates client key pairs with {@code ssh-keygen}, for logging in to an {@link OpenSshServer}.
 *
 * <p>Each method writes {@code dir/name} and {@code dir/name.pub} and returns them; an existing
 * pair of the same name is replaced. Failures of ssh-keygen surface as unchecked exceptions
 * carrying its output (never the passphrase).
 */
public final class ClientKeys {

    private ClientKeys() {
    }

    /** An unprotected ed25519 key in the OpenSSH format, {@code dir/id_ed25519}. */
    public static SshKey ed25519(Path dir) {
        return SshKeygen.generate(dir.resolve("id_ed25519"), KeyType.ED25519, "", false);
    }

    /** An unprotected 3072-bit RSA key in the OpenSSH format, {@code dir/id_rsa}. */
    public static SshKey rsa(Path dir) {
        return SshKeygen.generate(dir.resolve("id_rsa"), KeyType.RSA, "", false);
    }

    /** An unprotected 3072-bit RSA key in the legacy PEM format, {@code dir/id_rsa_pem}. */
    public static SshKey rsaPem(Path dir) {
        return SshKeygen.generate(dir.resolve("id_rsa_pem"), KeyType.RSA, "", true);
    }

    /** An ed25519 key in the OpenSSH format protected by {@code passphrase}, {@code dir/id_ed25519_protected}. */
    public static SshKey ed25519WithPassphrase(Path dir, String passphrase) {
        if (passphrase.isEmpty()) {
            throw new IllegalArgumentException("a protected key needs a non-empty passphrase");
        }
        return SshKeygen.generate(dir.resolve("id_ed25519_protected"), KeyType.ED25519, passphrase, false);
    }

    /** A key of any type and format, at {@code file}; {@code passphrase} empty for none. */
    public static SshKey generate(Path file, KeyType type, String passphrase, boolean pem) {
        return SshKeygen.generate(file, type, passphrase, pem);
    }
}
