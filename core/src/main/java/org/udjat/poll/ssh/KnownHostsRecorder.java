package org.udjat.poll.ssh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Records a host's key in known_hosts on first use, safely when many hosts of one cycle do so
 * at once: threads of this JVM are serialised per file and other processes are kept out by an
 * exclusive file lock. Under the lock the file is read again, so a key recorded meanwhile (by
 * another thread or another udjat) is honoured, and a different one counts as a change.
 */
public final class KnownHostsRecorder {

    // Static on purpose: FileLock is held per JVM, so two recorders locking one file in one JVM
    // would throw OverlappingFileLockException instead of waiting for each other.
    private static final ConcurrentMap<Path, Object> FILE_MONITORS = new ConcurrentHashMap<>();

    /**
     * Appends {@code token keytype base64} unless the file already judges the key.
     *
     * @return RECORDED when the line was appended, otherwise the verdict found under the lock
     */
    public HostKeyVerdict recordIfUnknown(Path knownHosts, String hostToken, byte[] keyBlob) throws IOException {
        Path file = knownHosts.toAbsolutePath().normalize();
        synchronized (FILE_MONITORS.computeIfAbsent(file, f -> new Object())) {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    HostKeyVerdict verdict = KnownHostsFile.read(file).check(hostToken, keyBlob);
                    if (verdict != HostKeyVerdict.UNKNOWN) {
                        return verdict;
                    }
                    append(channel, hostToken + " " + keyType(keyBlob) + " " + Base64.getEncoder().encodeToString(keyBlob) + "\n");
                    return HostKeyVerdict.RECORDED;
                } finally {
                    lock.release();
                }
            }
        }
    }

    private static void append(FileChannel channel, String line) throws IOException {
        long size = channel.size();
        String text = line;
        if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            if (last.get(0) != '\n') {
                text = "\n" + line; // never glue our entry onto a hand-written last line
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long position = size;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
        channel.force(true);
    }

    /** The key type named at the start of an SSH key blob (a length-prefixed string). */
    static String keyType(byte[] blob) {
        if (blob.length < 4) {
            throw new IllegalArgumentException("not an SSH key blob");
        }
        int length = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (length <= 0 || length > blob.length - 4) {
            throw new IllegalArgumentException("not an SSH key blob");
        }
        return new String(blob, 4, length, StandardCharsets.US_ASCII);
    }
}
