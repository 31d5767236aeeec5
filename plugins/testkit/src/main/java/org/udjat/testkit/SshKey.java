package org.udjat.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A key pair on disk, as written by {@code ssh-keygen}.
 *
 * @param privateKey the private key file (mode 0600)
 * @param publicKey  the public key file, {@code privateKey + ".pub"}
 */
public record SshKey(Path privateKey, Path publicKey) {

    /** The public key line ({@code type base64 comment}), as authorized_keys takes it. */
    public String publicKeyLine() {
        try {
            return Files.readString(publicKey, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + publicKey, e);
        }
    }

    /** The public key without its comment: {@code type base64}. */
    public String typeAndKey() {
        String[] parts = publicKeyLine().split("\\s+");
        return parts[0] + " " + parts[1];
    }
}
