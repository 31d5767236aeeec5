package org.udjat.health;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.udjat.record.AtomicFiles;
import org.udjat.record.IoReason;
import org.udjat.record.Json;
import org.udjat.record.StateDir;

/**
 * Keeps {@code heartbeat.json} in the state directory and its published copy {@code www/heartbeat.json}.
 * Written at the end of every cycle, under the cycle lock, and refreshed when {@code udjat run} records
 * a crash. A failure here costs a warning, never the cycle.
 */
public final class HeartbeatStore {
    /** Warnings copied into the heartbeat. */
    public static final int WARNINGS = 5;
    /** Recent crashes copied into the heartbeat. */
    public static final int CRASHES = 5;
    /** Overrun start times kept: a day of cycles at the shortest interval is more than anybody reads. */
    static final int OVERRUNS = 1000;
    private static final int WARNING_CHARS = 300;
    private static final String FILE = "heartbeat.json";

    private final StateDir dir;
    private final ObjectMapper mapper = Json.mapper();

    public HeartbeatStore(StateDir dir) {
        this.dir = dir;
    }

    /** {@code heartbeat.json}. */
    public Path file() {
        return dir.path().resolve(FILE);
    }

    /** {@code www/heartbeat.json}. */
    public Path published() {
        return dir.wwwDir().resolve(FILE);
    }

    /**
     * What a read found: the heartbeat, or why there is none.
     *
     * @param heartbeat the heartbeat, empty when none was usable
     * @param problem   why it is not usable (no cycle yet, unreadable), empty when it is
     */
    public record Read(Optional<Heartbeat> heartbeat, String problem) {
    }

    /** The last cycle's heartbeat. Changes nothing. */
    public Read read() {
        try {
            return new Read(Optional.of(parse(Files.readAllBytes(file()))), "");
        } catch (NoSuchFileException e) {
            return new Read(Optional.empty(), "no cycle has completed yet (no " + file() + ")");
        } catch (IOException e) {
            return new Read(Optional.empty(), file() + ": " + e.getMessage());
        }
    }

    /**
     * A heartbeat from its JSON.
     *
     * @throws IOException when it is not a heartbeat, saying why
     */
    public static Heartbeat parse(byte[] json) throws IOException {
        try {
            Heartbeat h = Json.mapper().readValue(json, Heartbeat.class);
            if (h == null) {
                throw new IOException("not a heartbeat: empty");
            }
            return h;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IOException("not a heartbeat (" + why + ")", e);
        }
    }

    /**
     * Writes the heartbeat of a cycle that just finished, continuing the overrun streak of the previous
     * one, with the recent crashes.
     *
     * @param publish whether to copy it into {@code www/} too (when the cycle renders the report)
     * @return what went wrong, empty when it was written
     */
    public List<String> beat(CycleFacts cycle, String version, boolean publish) {
        Heartbeat heartbeat = next(read().heartbeat(), cycle, version, new CrashStore(dir).list());
        try {
            save(heartbeat, publish);
            return List.of();
        } catch (IOException e) {
            return List.of("the heartbeat was not written (a watchdog will think the poller stopped): " + e.getMessage());
        }
    }

    /** The heartbeat of a cycle, after {@code previous}. */
    static Heartbeat next(Optional<Heartbeat> previous, CycleFacts cycle, String version, List<Crash> crashes) {
        Duration took = Duration.between(cycle.started(), cycle.finished());
        String reason = null;
        if (took.compareTo(cycle.interval()) > 0) {
            reason = "took " + seconds(took) + ", longer than the interval (" + seconds(cycle.interval()) + ")";
        } else if (cycle.hitDeadline()) {
            reason = "hit the cycle deadline (" + seconds(cycle.cycleDeadline()) + "); hosts not done by then were cut off";
        }
        boolean overran = reason != null;
        int streak = 0;
        Instant since = null;
        Instant from = cycle.finished().minus(Duration.ofHours(24));
        List<Instant> overruns = new ArrayList<>();
        if (previous.isPresent()) {
            previous.get().overruns().stream().filter(t -> t.isAfter(from)).forEach(overruns::add);
        }
        if (overran) {
            boolean continues = previous.isPresent() && previous.get().overran() && previous.get().overrunStreak() > 0;
            streak = continues ? previous.get().overrunStreak() + 1 : 1;
            since = continues && previous.get().overrunSince() != null ? previous.get().overrunSince() : cycle.started();
            overruns.add(cycle.started());
        }
        while (overruns.size() > OVERRUNS) {
            overruns.remove(0);
        }
        List<String> warnings = cycle.warnings().stream().limit(WARNINGS).map(HeartbeatStore::line).toList();
        return new Heartbeat(version, cycle.started(), cycle.finished(), took, cycle.interval(), cycle.cycleDeadline(),
                cycle.hostsPolled(), cycle.hostsReached(), overran, reason, streak, since, overruns,
                cycle.warnings().size(), warnings, recent(crashes), within24h(crashes, cycle.finished()));
    }

    /**
     * Puts the recent crashes into the heartbeat (when there is one), after {@code udjat run} recorded one;
     * the published copy too, when there is one. The last cycle's own fields stay as they are.
     */
    public void refreshCrashes(Instant now) throws IOException {
        Optional<Heartbeat> current = read().heartbeat();
        if (current.isEmpty()) {
            return;
        }
        List<Crash> crashes = new CrashStore(dir).list();
        save(current.get().withCrashes(recent(crashes), within24h(crashes, now)), Files.exists(published()));
    }

    /** Copies {@code heartbeat.json} into {@code www/}, for a report rendered by {@code udjat report}. */
    public void publish() throws IOException {
        Optional<Heartbeat> current = read().heartbeat();
        if (current.isPresent()) {
            Files.createDirectories(dir.wwwDir());
            AtomicFiles.write(published(), mapper.writeValueAsBytes(current.get()));
        }
    }

    private void save(Heartbeat heartbeat, boolean publish) throws IOException {
        byte[] json = mapper.writeValueAsBytes(heartbeat);
        AtomicFiles.write(file(), json);
        if (publish) {
            try {
                Files.createDirectories(dir.wwwDir());
            } catch (IOException e) {
                throw new IOException("cannot create " + dir.wwwDir() + ": " + IoReason.of(e), e);
            }
            AtomicFiles.write(published(), json);
        }
    }

    private static List<Crash> recent(List<Crash> crashes) {
        return crashes.stream().limit(CRASHES).toList();
    }

    private static int within24h(List<Crash> crashes, Instant now) {
        Instant from = now.minus(Duration.ofHours(24));
        return (int) crashes.stream().filter(c -> c.time().isAfter(from)).count();
    }

    private static String line(String warning) {
        String one = warning.replaceAll("[\\r\\n\\t]+", " ").strip();
        return one.length() > WARNING_CHARS ? one.substring(0, WARNING_CHARS) + "..." : one;
    }

    /** {@code 1m10s}, {@code 45s}, {@code 2.5s}. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = d.toSeconds();
        return (s >= 3600 ? s / 3600 + "h" : "") + (s % 3600 >= 60 ? s % 3600 / 60 + "m" : "") + (s % 60 > 0 ? s % 60 + "s" : "");
    }
}
