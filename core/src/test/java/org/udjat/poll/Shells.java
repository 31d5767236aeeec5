package org.udjat.poll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The real shells the script must work under, and a look at the processes they leave. */
public final class Shells {

    static final Path BUSYBOX = Path.of("/usr/bin/busybox");

    private Shells() {
    }

    /** Debian's /bin/sh, which is dash. */
    static LocalTransport dash() {
        return dash(Map.of());
    }

    /** Dash with the given variables added to the environment. */
    static LocalTransport dash(Map<String, String> environment) {
        return new LocalTransport(List.of("/bin/sh", "-s"), environment, Clock.systemUTC());
    }

    /** BusyBox ash with the system's PATH. */
    static LocalTransport busybox() {
        return busybox(Map.of());
    }

    /** BusyBox ash with the given variables added to the environment. */
    static LocalTransport busybox(Map<String, String> environment) {
        return new LocalTransport(List.of(BUSYBOX.toString(), "sh", "-s"), environment, Clock.systemUTC());
    }

    /** BusyBox ash with a PATH of nothing but BusyBox applets, as on a BusyBox-only device. */
    public static LocalTransport busyboxUserland(Path dir) throws IOException, InterruptedException {
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
        String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        list.waitFor();
        for (String applet : applets.split("\n")) {
            if (!applet.isBlank()) {
                Files.createSymbolicLink(dir.resolve(applet.strip()), BUSYBOX);
            }
        }
        return new LocalTransport(List.of(BUSYBOX.toString(), "sh", "-s"), Map.of("PATH", dir.toString()), Clock.systemUTC());
    }

    /** Removes the applet links again, so the temp dir holds nothing that points outside it. */
    public static void removeLinks(Path dir) throws IOException {
        try (Stream<Path> links = Files.list(dir)) {
            for (Path link : links.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    /** Live processes whose argv is exactly {@code sleep <seconds>} (coreutils or a BusyBox applet). */
    static List<String> sleeps(String seconds) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] argv = cmdline(p);
                if (argv.length == 2 && argv[0].endsWith("sleep") && argv[1].equals(seconds)) {
                    found.add(p.getFileName() + " " + String.join(" ", argv));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    /** The live {@code sleep <seconds>} processes after waiting up to a second for killed ones to go. */
    static List<String> sleepsAfterSettling(String seconds) throws InterruptedException {
        for (int i = 0; i < 100 && !sleeps(seconds).isEmpty(); i++) {
            Thread.sleep(50);
        }
        return sleeps(seconds);
    }

    /**
     * Live processes whose environment holds {@code name=value}, as "pid argv", after waiting
     * up to {@code settle} for killed ones to go; zombies have no environment and never count.
     */
    static List<String> withEnvironment(String name, String value, Duration settle) throws InterruptedException {
        long until = System.nanoTime() + settle.toNanos();
        List<String> found = withEnvironment(name + "=" + value);
        while (!found.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
            found = withEnvironment(name + "=" + value);
        }
        return found;
    }

    private static List<String> withEnvironment(String entry) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (List.of(nulSeparated(p.resolve("environ"))).contains(entry)) {
                    found.add(p.getFileName() + " " + String.join(" ", cmdline(p)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    private static String[] cmdline(Path proc) {
        return nulSeparated(proc.resolve("cmdline"));
    }

    private static String[] nulSeparated(Path file) {
        try {
            String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return raw.isEmpty() ? new String[0] : raw.split("\u0000");
        } catch (IOException e) {
            return new String[0]; // the process went away meanwhile
        }
    }
}
