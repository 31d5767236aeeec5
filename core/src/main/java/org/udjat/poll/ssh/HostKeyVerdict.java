package org.udjat.poll.ssh;

/** What known_hosts says about the key a host presented. */
public enum HostKeyVerdict {
    /** the host is recorded with exactly this key */
    TRUSTED,
    /** the host was unknown and its key has just been recorded (trust on first use) */
    RECORDED,
    /** nothing is recorded for the host */
    UNKNOWN,
    /** the host is recorded, but with other keys: possibly an impostor */
    CHANGED,
    /** the key is recorded as {@code @revoked} */
    REVOKED;

    /** Whether a connection may proceed. */
    public boolean accepted() {
        return this == TRUSTED || this == RECORDED;
    }
}
