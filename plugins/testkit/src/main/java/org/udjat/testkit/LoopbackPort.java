package org.udjat.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds ports on loopback addresses.
 *
 * <p>Both methods bind an ephemeral port, note it and release it; the port is then free and,
 * until somebody binds it again, closed. Another process could take it in between, which on a
 * test machine is rare enough.
 */
public final class LoopbackPort {

    private LoopbackPort() {
    }

    /** A port nobody listens on at {@code address} (e.g. {@code 127.0.0.1}), to bind right away. */
    public static int free(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + address, e);
        }
    }

    /** A port on {@code 127.0.0.1} where a connection attempt is refused. */
    public static int closed() {
        return free("127.0.0.1");
    }
}
