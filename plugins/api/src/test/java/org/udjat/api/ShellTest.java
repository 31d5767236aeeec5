package org.udjat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quoted values reach a real /bin/sh as exactly one word, unchanged. */
class ShellTest {

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "", "it's", "'", "''", "a b", "$(touch /tmp/udjat-pwned)", "`id`", "$HOME",
            "x;rm -rf /", "new\nline", "back\\slash", "*", "-n", "\"double\"", "tab\there", "ünïcödé"})
    void shellSeesTheValueAsOneWord(String value) throws IOException, InterruptedException {
        // printf prints each argument framed, so a value split in two would show
        String script = "printf '<%s>' " + Shell.quote(value);
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("<" + value + ">", out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\0b", "\0"})
    void nulIsRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> Shell.quote(value));
    }
}
