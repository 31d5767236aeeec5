package org.udjat.record.rrd;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.rrd4j.core.RrdDb;
import org.udjat.api.PerfDatum;
import org.udjat.config.RrdSettings;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.record.AtomicFiles;
import org.udjat.record.IoReason;
import org.udjat.record.Json;
import org.udjat.record.StateDir;

/**
 * Stores every perfdata value of a cycle in the state directory's RRD files (RRD4J), one file per
 * host, check and label: {@code rrd/<host>/<check>/<label>.rrd}, see {@link RrdPaths}.
 *
 * <p>Only results of the cycle itself are stored: a check that was not run, or gave no result,
 * writes nothing, and the files' heartbeat (two steps) turns a longer gap into unknown values. A
 * perfdata value of {@code U} is stored as unknown. Counters (unit {@code c}) are stored as rates,
 * everything else as measured (see {@link SeriesKind}). A new label starts a new file; a label that
 * is gone leaves its file alone; a file that is damaged, made with another step, or made for
 * another unit is renamed out of the way ({@code <label>.rrd.corrupt-<time>}, {@code .step-60s-<time>},
 * {@code .unit-B-<time>}) and a new one started, so values of different kinds are never mixed.
 *
 * <p>RRD files are updated in place, as rrdtool does: rewriting 120 KiB per value every cycle
 * would cost far more than the update. New files are made under a temporary name and renamed into
 * place with their first value, and every access stays within the file (see
 * {@link BoundedFileBackend}), so a full disk makes creations fail cleanly while updates of existing
 * files, whose blocks are all allocated at creation, go on; a crash in the middle of an update can
 * leave that one file with one step partly written, never a file another run cannot read. The file's modification time is
 * set to its last update time, which is how {@link GraphRenderer} tells what changed.
 *
 * <p>Never throws for a bad file or a failed write: it is reported in the result and the other
 * files are still updated. Hosts are updated on up to one thread per core (at most 4). Call from
 * one thread at a time, under the cycle lock.
 */
public final class RrdStore {
    private final StateDir dir;
    private final RrdSettings settings;
    private final RrdPaths paths;
    private final SeriesFiles files;
    private final ObjectMapper json = Json.mapper();

    /**
     * A store over the RRD files of {@code dir}.
     *
     * @param clock names the files that are set aside
     */
    public RrdStore(StateDir dir, RrdSettings settings, Clock clock) {
        this.dir = dir;
        this.settings = settings;
        this.paths = new RrdPaths(dir);
        this.files = new SeriesFiles(new RrdLayout(settings), new SetAside(clock));
    }

    /** Stores the values that {@code snapshot}'s cycle measured; see the class comment. */
    public RrdUpdate update(Snapshot snapshot) {
        if (!settings.enabled()) {
            return RrdUpdate.NONE;
        }
        List<HostState> hosts = snapshot.hosts();
        Pass[] passes = new Pass[hosts.size()];
        AtomicBoolean noSpace = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < passes.length; i = next.getAndIncrement()) {
                Pass pass = new Pass(noSpace);
                for (CheckState check : hosts.get(i).checks()) {
                    if (measuredIn(check, snapshot)) {
                        store(hosts.get(i).host(), check, pass);
                    }
                }
                passes[i] = pass;
            }
        };
        runOn(threads(hosts.size()), worker);
        Pass all = new Pass(noSpace);
        for (Pass pass : passes) {
            all.updated.addAll(pass.updated);
            all.created.addAll(pass.created);
            all.messages.addAll(pass.messages);
        }
        return new RrdUpdate(all.updated, all.created, all.messages.notes(), all.messages.warnings());
    }

    /** One thread per core, up to 4: updates are mostly system calls on files in the page cache. */
    private static int threads(int hosts) {
        return Math.max(1, Math.min(Math.min(4, Runtime.getRuntime().availableProcessors()), hosts));
    }

    /**
     * Runs {@code worker} on {@code threads} threads, this one included, and waits for all. Hosts are
     * handed out one at a time, so every file of a host (and its checks' {@code labels.json}) is written
     * by one thread, and the result is in snapshot order whatever the threads did when.
     */
    private static void runOn(int threads, Runnable worker) {
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(worker, "rrd-update-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers finish their files in any case; a cut update would help no one
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the check's perfdata comes from this cycle, rather than being kept from an earlier one. */
    private static boolean measuredIn(CheckState check, Snapshot snapshot) {
        return check.lastResult() != null && !check.perfData().isEmpty()
                && (snapshot.cycleStarted() == null || !check.lastResult().isBefore(snapshot.cycleStarted()));
    }

    private void store(String host, CheckState check, Pass pass) {
        long time = check.lastResult().getEpochSecond();
        Map<String, CheckInfo.Label> stored = new LinkedHashMap<>();
        for (PerfDatum datum : check.perfData()) {
            // Nagios output may repeat a label; one file holds one value per time: the first one
            if (!stored.containsKey(datum.label())
                    && store(new SeriesKey(host, check.check(), datum.label()), datum, time, pass)) {
                stored.put(datum.label(), CheckInfo.Label.of(datum));
            }
        }
        if (!stored.isEmpty()) {
            writeInfo(host, check.check(), stored, pass);
        }
    }

    /** Stores one value; true when it was. */
    private boolean store(SeriesKey key, PerfDatum datum, long time, Pass pass) {
        Path file = paths.rrdFile(key);
        SeriesKind kind = SeriesKind.of(datum);
        if (pass.noSpace.get() && !Files.exists(file)) {
            pass.messages.warn(relative(file) + ": not started (no space left on device)");
            return false;
        }
        SeriesFiles.Opened opened;
        try {
            opened = files.open(file, kind, time);
        } catch (IOException e) {
            String reason = IoReason.of(e);
            if (reason.contains("no space")) {
                pass.noSpace.set(true);
            }
            pass.messages.warn(relative(file) + ": cannot be opened or started (" + reason + "); value not stored");
            return false;
        }
        report(file, opened, pass);
        try {
            try (RrdDb db = opened.db()) {
                long last = db.getLastUpdateTime();
                if (time <= last) {
                    pass.messages.skipped(relative(file) + " was last updated at " + Instant.ofEpochSecond(last)
                            + ", the value is of " + Instant.ofEpochSecond(time));
                    return false;
                }
                db.createSample(time).setValue(0, datum.value()).update();
            }
            opened.publish();
        } catch (IOException | RuntimeException e) {
            String reason = reason(e);
            if (reason.contains("no space")) {
                pass.noSpace.set(true);
            }
            pass.messages.warn(relative(file) + (opened.created() ? ": not started (" : ": value not stored (") + reason
                    + ")");
            discard(opened, e);
            return false;
        }
        pass.updated.add(key);
        if (opened.created()) {
            pass.created.add(key);
        }
        try {
            Files.setLastModifiedTime(file, FileTime.from(time, TimeUnit.SECONDS));
        } catch (IOException e) {
            pass.messages.warn(relative(file) + ": cannot set its time (" + IoReason.of(e) + "); graphs may lag");
        }
        return true;
    }

    private static void discard(SeriesFiles.Opened opened, Exception cause) {
        try {
            opened.discard();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private void report(Path file, SeriesFiles.Opened opened, Pass pass) {
        if (opened.reason() == null) {
            return;
        }
        String what = relative(file) + ": " + opened.detail() + "; kept as " + opened.aside().getFileName()
                + ", a new file was started";
        if (opened.reason() == SeriesFiles.Reason.UNIT) {
            pass.messages.note(what);
        } else {
            pass.messages.warn(what);
        }
    }

    /** Rewrites the check's {@code labels.json} when what its values say about themselves changed; seldom. */
    private void writeInfo(String host, String check, Map<String, CheckInfo.Label> latest, Pass pass) {
        Path file = paths.infoFile(host, check);
        try {
            byte[] current;
            try {
                current = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                current = null;
            }
            // usually the file holds exactly this cycle's labels, unchanged: no need to read it then
            byte[] content = json.writeValueAsBytes(new CheckInfo(host, check, latest));
            if (current != null && !Arrays.equals(content, current)) {
                content = json.writeValueAsBytes(known(current, host, check).with(latest));
            }
            if (!Arrays.equals(content, current)) {
                AtomicFiles.writeUnsynced(file, content);
            }
        } catch (IOException e) {
            IOException why = e.getCause() instanceof IOException cause ? cause : e; // without the path again
            pass.messages.warn(relative(file) + ": not written (" + IoReason.of(why) + "); graphs show older units "
                    + "and thresholds");
        }
    }

    /** What {@code labels.json} held; nothing when unreadable (e.g. emptied by a power loss): rebuilt then. */
    private CheckInfo known(byte[] current, String host, String check) {
        try {
            CheckInfo read = json.readValue(current, CheckInfo.class);
            if (host.equals(read.host()) && check.equals(read.check())) {
                return read;
            }
        } catch (IOException e) {
            // rebuilt from this cycle's values
        }
        return new CheckInfo(host, check, Map.of());
    }

    private String relative(Path file) {
        return dir.path().relativize(file).toString();
    }

    private static String reason(Exception e) {
        if (e instanceof IOException io) {
            return IoReason.of(io);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What one update call has done so far, for one host or for all. */
    private static final class Pass {
        final List<SeriesKey> updated = new ArrayList<>();
        final List<SeriesKey> created = new ArrayList<>();
        final Messages messages = new Messages();
        /** Shared by all hosts: once a file could not be started for lack of space, no other is tried. */
        final AtomicBoolean noSpace;

        Pass(AtomicBoolean noSpace) {
            this.noSpace = noSpace;
        }
    }
}
