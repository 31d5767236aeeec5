package org.udjat.poll.ssh;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSch's own log to SLF4J at debug level: its INFO chatter (kex, algorithms) is for
 * debugging, and every failure that matters reaches the operator through the poll result.
 */
public final class JschLogBridge implements com.jcraft.jsch.Logger {

    private static final Logger LOG = LoggerFactory.getLogger("com.jcraft.jsch");

    @Override
    public boolean isEnabled(int level) {
        return LOG.isDebugEnabled();
    }

    @Override
    public void log(int level, String message) {
        LOG.debug(message);
    }

    @Override
    public void log(int level, String message, Throwable cause) {
        LOG.debug(message, cause);
    }
}
