package org.udjat.api;

/**
 * Quoting for the few option values a check's command must hand to the remote shell (a
 * service name, a path, a URL). Everything else is filtered on the poller, from raw output.
 */
public final class Shell {
    private Shell() {
    }

    /**
     * The value as one POSIX sh word in single quotes, so that no character of it is special:
     * {@code it's} becomes {@code 'it'\''s'}.
     *
     * @throws IllegalArgumentException when the value holds a NUL character, which no shell word can
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be passed to the shell");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
