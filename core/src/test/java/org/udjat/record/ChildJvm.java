package org.udjat.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real second JVM running {@link LockHolderMain}, so the OS lock is held by another process. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(String mode, Path stateDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), mode, stateDir.toString());
        return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** The first line the child prints (blocks until it does; the test's timeout bounds it). */
    String firstLine() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("child exited without a word, exit code " + waitFor());
        }
        return line;
    }

    long pid() {
        return process.pid();
    }

    int waitFor() throws IOException {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException("child still running after 30s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Lets a holding child release the lock and exit normally. */
    void release() throws IOException {
        process.getOutputStream().close();
        waitFor();
    }

    /** Kills the child as {@code kill -9} would: no chance to release anything. */
    void kill() throws IOException {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
