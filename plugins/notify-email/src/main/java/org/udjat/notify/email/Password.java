package org.udjat.notify.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the SMTP password at send time from where the options say it is: an environment
 * variable ({@code password_env}) or a file ({@code password_file}, one trailing line end
 * removed). The password is never logged, and no message here contains it.
 */
final class Password {
    /** Far more than any password; a bigger file is the wrong file. */
    private static final long MAX_FILE = 4096;

    private Password() {
    }

    /**
     * The password for the options' user, or empty when no user is configured.
     *
     * @throws MissingSecret when the variable is unset or empty, or the file cannot be read or is empty
     */
    static Optional<String> of(EmailOptions options, Function<String, String> env) throws MissingSecret {
        if (options.username().isEmpty()) {
            return Optional.empty();
        }
        if (options.passwordEnv().isPresent()) {
            String name = options.passwordEnv().get();
            String value = env.apply(name);
            if (value == null || value.isEmpty()) {
                throw new MissingSecret("password_env: the environment variable " + name + " is not set or empty");
            }
            return Optional.of(value);
        }
        var file = options.passwordFile().orElseThrow();
        String text;
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new MissingSecret("password_file: " + file + " is larger than " + MAX_FILE + " bytes; not a password");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MissingSecret("password_file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (password.isEmpty()) {
            throw new MissingSecret("password_file: " + file + " is empty");
        }
        return Optional.of(password);
    }

    /** The secret is not where the options say; the reason names where, never what. */
    static final class MissingSecret extends Exception {
        MissingSecret(String reason) {
            super(reason);
        }
    }
}
