package org.udjat.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ssh-keygen} to write key pairs; fails loudly with its output. */
final class SshKeygen {

    private SshKeygen() {
    }

    /**
     * Writes a new key pair at {@code file} (and {@code file.pub}), replacing any old one.
     *
     * @param passphrase the passphrase, empty for an unprotected key
     * @param pem        true for the legacy PEM format, false for the OpenSSH format
     */
    static SshKey generate(Path file, KeyType type, String passphrase, boolean pem) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(publicOf(file));
            List<String> command = new ArrayList<>(List.of(
                    "ssh-keygen", "-q", "-t", type.keygenName(), "-N", passphrase,
                    "-C", "udjat-testkit", "-f", file.toString()));
            if (type.bits() > 0) {
                command.addAll(List.of("-b", Integer.toString(type.bits())));
            }
            if (pem) {
                command.addAll(List.of("-m", "PEM"));
            }
            run(command);
            return new SshKey(file, publicOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate a key at " + file, e);
        }
    }

    private static Path publicOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".pub");
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("ssh-keygen did not finish within 60s");
            }
            if (process.exitValue() != 0) {
                // never echo the command: it holds the passphrase
                throw new IOException("ssh-keygen failed with exit status " + process.exitValue() + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for ssh-keygen", e);
        }
    }
}
