package org.udjat.record;

import java.io.IOException;

/**
 * The state directory cannot be used: it cannot be created, is not a directory, or cannot be
 * written. The message names the directory and the reason, ready to show an operator.
 */
public class StateDirException extends IOException {

    /** Creates the exception with an operator-ready message. */
    public StateDirException(String message, Throwable cause) {
        super(message, cause);
    }
}
