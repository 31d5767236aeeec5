package org.udjat.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code watchdog:} block: where {@code udjat watchdog} reads the watched poller's heartbeat, and when it
 * counts as stale. Exactly one of {@code heartbeatUrl} and {@code ssh} is set.
 *
 * @param heartbeatUrl  the http(s) URL of the report's {@code heartbeat.json}, or null
 * @param ssh           how to log in to the poller to {@code cat} the heartbeat file, or null
 * @param heartbeatFile the heartbeat file's path on the poller (with {@code ssh}), else null
 * @param maxAge        how old the last finished cycle may be, or null for three of the poller's intervals
 * @param timeout       the limit for reading the heartbeat (connect included)
 */
public record WatchdogSettings(URI heartbeatUrl, Ssh ssh, String heartbeatFile, Duration maxAge, Duration timeout) {
    /** Default {@code timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    /** Default {@code max_age}, in intervals of the watched poller. */
    public static final int DEFAULT_MAX_AGE_INTERVALS = 3;

    /**
     * The {@code watchdog.ssh} block.
     *
     * @param host         the poller's address
     * @param port         its SSH port
     * @param user         the login name
     * @param identityFile the private key
     * @param knownHosts   the known_hosts file the poller's host key is checked against
     */
    public record Ssh(String host, int port, String user, Path identityFile, Path knownHosts) {
    }

    /** The age past which a heartbeat is stale, for a poller that runs every {@code interval}. */
    public Duration maxAge(Duration interval) {
        return maxAge != null ? maxAge : interval.multipliedBy(DEFAULT_MAX_AGE_INTERVALS);
    }

    /** Where the heartbeat is read from, for messages: the URL, or {@code user@host:port:/path}. */
    public String source() {
        return heartbeatUrl != null ? heartbeatUrl.toString()
                : ssh.user() + "@" + ssh.host() + ":" + ssh.port() + ":" + heartbeatFile;
    }
}
