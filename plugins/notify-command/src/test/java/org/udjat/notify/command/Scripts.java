package org.udjat.notify.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Real /bin/sh scripts written by a test, and what they leave behind. */
final class Scripts {
    private Scripts() {
    }

    /** An executable {@code #!/bin/sh} script with that body. */
    static Path write(Path dir, String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** An environment as /proc/PID/environ holds it: NUL-separated NAME=value entries. */
    static Map<String, String> environ(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : Files.readString(file, StandardCharsets.UTF_8).split("\0")) {
            if (!entry.isEmpty()) {
                int eq = entry.indexOf('=');
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** Whether a process is gone: no such process, or killed and only waiting to be reaped (a zombie). */
    static boolean gone(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            } catch (IOException e) {
                return true;
            }
        }
        return true;
    }

    /** Waits for a condition, polling, up to a limit; whether it came true. */
    static boolean await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
