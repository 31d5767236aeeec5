package org.udjat.poll.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.udjat.config.Secret;

/**
 * Loads private keys (ed25519, RSA; OpenSSH or PEM format; with or without passphrase) into
 * JSch instances ready to open sessions, with clear reasons when a key cannot be used.
 *
 * <p>Decrypting a protected OpenSSH key runs bcrypt and costs a noticeable fraction of a second,
 * so each key is loaded once and reused while the file and the passphrase stay the same.
 * Thread-safe; JSch instances are safe to share between sessions.
 */
public final class IdentityLoader {

    private final ConcurrentMap<Path, Loaded> cache = new ConcurrentHashMap<>();

    /**
     * A JSch holding the key, its log routed to SLF4J.
     *
     * @throws SshFailure with a reason starting with {@code prefix} when the key cannot be used
     */
    public JSch load(Path identityFile, Secret passphrase, String prefix) throws SshFailure {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(identityFile, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new SshFailure(prefix + "cannot read identity file " + identityFile + ": " + describe(e));
        }
        if (!attributes.isRegularFile()) {
            throw new SshFailure(prefix + "cannot read identity file " + identityFile + ": not a regular file");
        }
        Loaded current = cache.get(identityFile);
        if (current != null && current.isFor(attributes, passphrase)) {
            return current.jsch;
        }
        Loaded fresh = new Loaded(attributes.lastModifiedTime(), attributes.size(), passphrase,
                newJsch(identityFile, passphrase, prefix));
        cache.put(identityFile, fresh);
        return fresh.jsch;
    }

    private static JSch newJsch(Path identityFile, Secret passphrase, String prefix) throws SshFailure {
        JSch jsch = new JSch();
        jsch.setInstanceLogger(new JschLogBridge());
        byte[] secret = passphrase.isPresent() ? passphrase.reveal().getBytes(StandardCharsets.UTF_8) : null;
        try {
            checkDecryptable(jsch, identityFile, passphrase, secret, prefix);
            jsch.addIdentity(identityFile.toString(), secret);
            return jsch;
        } catch (JSchException e) {
            String why = String.valueOf(e.getMessage()).startsWith("invalid privatekey")
                    ? "not a private key JSch can read (OpenSSH, PEM or PKCS#8 format expected)" : e.getMessage();
            throw new SshFailure(prefix + "cannot read identity file " + identityFile + ": " + why);
        } finally {
            if (secret != null) {
                java.util.Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /** JSch silently skips a key it cannot decrypt and then reports "Auth fail"; say why up front. */
    private static void checkDecryptable(JSch jsch, Path identityFile, Secret passphrase, byte[] secret, String prefix)
            throws SshFailure, JSchException {
        KeyPair pair = KeyPair.load(jsch, identityFile.toString());
        try {
            if (!pair.isEncrypted()) {
                return;
            }
            if (secret == null) {
                throw new SshFailure(prefix + "identity file " + identityFile
                        + " is protected by a passphrase, but none is configured");
            }
            if (!pair.decrypt(secret)) {
                throw new SshFailure(prefix + "wrong passphrase for identity file " + identityFile
                        + " (passphrase from " + passphrase.source() + ")");
            }
        } finally {
            pair.dispose();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    /** A loaded key and what it was loaded from. */
    private record Loaded(FileTime modified, long size, Secret passphrase, JSch jsch) {

        boolean isFor(BasicFileAttributes attributes, Secret other) {
            return modified.equals(attributes.lastModifiedTime()) && size == attributes.size()
                    && (passphrase == other || Objects.equals(passphrase.reveal(), other.reveal()));
        }
    }
}
