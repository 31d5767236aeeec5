package org.udjat.poll.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * Collects bytes up to a cap and drops the rest, remembering that it did. Written by JSch's
 * session thread and read by the polling thread, hence synchronized.
 */
public final class CappedBuffer extends OutputStream {

    private final int cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean overflowed;

    public CappedBuffer(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
        int room = cap - bytes.size();
        if (length > room) {
            overflowed = true;
        }
        bytes.write(data, offset, Math.min(length, room));
    }

    /** Whether more than the cap was offered. */
    public synchronized boolean overflowed() {
        return overflowed;
    }

    public synchronized byte[] toByteArray() {
        return bytes.toByteArray();
    }

    /** The collected bytes as UTF-8 text, stripped. */
    public synchronized String text() {
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    }
}
