package org.udjat.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.udjat.api.RawOutput;

/**
 * Runs a check command on this machine the way the generated script does: stdin from
 * /dev/null, LC_ALL=C, a timeout and an output cap, stderr merged into stdout. For the live
 * tests of check plugins: the Linux variant under /bin/sh, the BusyBox one under busybox sh
 * with only the applets it claims to need.
 */
public final class ShellRunner {
    private static final int CAP = 64 * 1024;
    private static final long TIMEOUT_SECONDS = 20;

    private ShellRunner() {
    }

    /** Runs with /bin/sh and the usual system PATH. */
    public static RawOutput sh(String command) {
        return run(List.of("/bin/sh", "-c", command), "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    }

    /** Runs with {@code busybox sh} and PATH set to one directory, so only the applets linked there are found. */
    public static RawOutput busybox(String command, Path appletDir) {
        return run(List.of("/usr/bin/busybox", "sh", "-c", command), appletDir.toString());
    }

    private static RawOutput run(List<String> argv, String path) {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().put("PATH", path);
        pb.environment().put("LC_ALL", "C");
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + TIMEOUT_SECONDS + "s: " + argv);
            }
            byte[] bytes = out.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            boolean truncated = bytes.length > CAP;
            int n = Math.min(bytes.length, CAP);
            return new RawOutput(new String(bytes, 0, n, StandardCharsets.UTF_8), p.exitValue(), truncated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("could not run " + argv, e);
        }
    }

    private static byte[] read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(CAP + 1);
            in.transferTo(OutputStreamSink.INSTANCE);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drains what is beyond the cap so the process is not blocked writing it. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded, like the script does past the cap
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded, like the script does past the cap
        }
    }
}
