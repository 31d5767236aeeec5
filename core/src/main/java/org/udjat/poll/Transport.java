package org.udjat.poll;

import java.time.Instant;
import org.udjat.config.HostSpec;

/**
 * Runs one generated script on one host and brings back what it printed.
 *
 * <p>Implementations must honour the deadline themselves (connect, authentication and the
 * exec included) and return by then, with whatever output arrived so far; they never throw
 * for a host that cannot be reached, they say so in the {@link Execution}. Called from
 * several threads at once, one host per call.
 */
public interface Transport {

    /**
     * Runs {@code script} with a POSIX sh on the host, feeding the script on standard input.
     *
     * @param host     the host, with its effective settings
     * @param script   the whole script, UTF-8
     * @param deadline the instant by which the call must have returned
     */
    Execution execute(HostSpec host, byte[] script, Instant deadline);
}
