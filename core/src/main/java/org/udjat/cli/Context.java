package org.udjat.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * What a command needs from the world, injected so tests run commands in-process with an
 * exact clock and environment.
 *
 * @param env   environment variables (secrets may be read from them)
 * @param clock the time source
 * @param out   standard output (results)
 * @param err   standard error (messages for the operator)
 * @param bytes standard output as bytes, for what is not text (a CGI answer with a PNG); flush
 *              {@code out} before writing to it
 */
public record Context(Map<String, String> env, Clock clock, PrintWriter out, PrintWriter err, OutputStream bytes) {

    /** A context whose byte output goes into {@code out} as UTF-8 text. */
    public Context(Map<String, String> env, Clock clock, PrintWriter out, PrintWriter err) {
        this(env, clock, out, err, new WriterOutputStream(out));
    }

    /** Bytes decoded as UTF-8 into a writer: enough for tests of commands that print text. */
    private static final class WriterOutputStream extends OutputStream {
        private final PrintWriter out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        WriterOutputStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void flush() {
            out.print(pending.toString(StandardCharsets.UTF_8));
            out.flush();
            pending.reset();
        }
    }
}
