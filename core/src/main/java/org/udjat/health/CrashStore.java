package org.udjat.health;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.udjat.record.AtomicFiles;
import org.udjat.record.IoReason;
import org.udjat.record.StateDir;

/**
 * The state directory's {@code crashes/}: one text file per crash of {@code udjat run}
 * ({@code <time>.txt}: a header with the time, the exception and the udjat version, then the stack
 * trace), the last {@value #KEEP} kept, and beside each a {@code <time>.txt.notified} marker once the
 * message about it is in the outbox, so it is sent once. Every file is written atomically.
 */
public final class CrashStore {
    /** Crash files kept; older ones are removed with their markers. */
    public static final int KEEP = 20;
    static final String SUFFIX = ".txt";
    static final String NOTIFIED = ".notified";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;

    /** The {@code crashes/} of {@code stateDir}. */
    public CrashStore(StateDir stateDir) {
        this(stateDir.path().resolve("crashes"));
    }

    /** The crash files under {@code dir}. */
    public CrashStore(Path dir) {
        this.dir = dir;
    }

    /** {@code crashes/}. */
    public Path dir() {
        return dir;
    }

    /**
     * Records a crash: writes its file (flushed to disk before this returns), then removes the oldest
     * files beyond {@value #KEEP}.
     *
     * @param what    the command that crashed, e.g. {@code udjat run -c /etc/udjat/udjat.yaml}
     * @param version the udjat version
     * @return the crash as recorded
     * @throws IOException when the file cannot be written, naming it
     */
    public Crash record(Throwable crash, Instant time, String what, String version) throws IOException {
        Files.createDirectories(dir);
        String stamp = STAMP.format(time);
        String name = stamp + SUFFIX;
        for (int n = 1; Files.exists(dir.resolve(name)); n++) {
            name = stamp + "-" + n + SUFFIX;
        }
        String exception = oneLine(crash.toString());
        StringWriter trace = new StringWriter();
        crash.printStackTrace(new PrintWriter(trace));
        String text = "time: " + time + "\n"
                + "exception: " + exception + "\n"
                + "command: " + oneLine(what) + "\n"
                + "version: udjat " + version + ", Java " + System.getProperty("java.version") + ", pid "
                + ProcessHandle.current().pid() + "\n\n"
                + trace;
        AtomicFiles.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
        prune();
        return new Crash(time, name, exception, false);
    }

    /** Every recorded crash, newest first; files that are not crash records are left out. */
    public List<Crash> list() {
        List<Crash> crashes = new ArrayList<>();
        for (Path f : files()) {
            String name = f.getFileName().toString();
            try {
                List<String> head = head(f);
                Instant time = Instant.parse(value(head, "time: "));
                crashes.add(new Crash(time, name, value(head, "exception: "),
                        Files.exists(f.resolveSibling(name + NOTIFIED))));
            } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
                // not one of ours, or cut short: it stays for a person to read, it is not a crash record
            }
        }
        crashes.sort(Comparator.comparing(Crash::time).thenComparing(Crash::file).reversed());
        return List.copyOf(crashes);
    }

    /** The crashes no message has been stored for yet, oldest first. */
    public List<Crash> unnotified() {
        List<Crash> all = new ArrayList<>(list().stream().filter(c -> !c.notified()).toList());
        java.util.Collections.reverse(all);
        return List.copyOf(all);
    }

    /** Marks a crash as told, so no later cycle tells it again. */
    public void markNotified(Crash crash) throws IOException {
        AtomicFiles.write(dir.resolve(crash.file() + NOTIFIED), crash.time().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Removes the oldest crash files (and their markers) beyond {@value #KEEP}. */
    private void prune() throws IOException {
        List<Path> files = new ArrayList<>(files());
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) {
            try {
                Files.deleteIfExists(old.resolveSibling(old.getFileName() + NOTIFIED));
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new IOException("cannot remove the old crash record " + old + ": " + IoReason.of(e), e);
            }
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            stream.forEach(f -> {
                if (!f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)) {
                    files.add(f);
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
        return files;
    }

    private static List<String> head(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 4; i++) {
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
            }
        }
        return lines;
    }

    private static String value(List<String> head, String prefix) {
        return head.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + prefix.trim()));
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
