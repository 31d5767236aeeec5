package org.udjat.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.config.NotifySettings;
import org.udjat.dispatch.Outgoing;
import org.udjat.dispatch.outbox.Outbox;
import org.udjat.record.AtomicFiles;
import org.udjat.record.StateDir;

/**
 * What a cycle tells the low-urgency channels about the poller itself: each crash of {@code udjat run}
 * not told yet ({@code udjat crashed at ...: <exception>; see crashes/<file>}), and a streak of
 * {@value #STREAK} overrun cycles in a row, once per streak. The messages go into the outbox first,
 * then the crash is marked ({@code crashes/<file>.notified}) or the streak remembered
 * ({@code overruns.notified}), so a crash in between sends a message twice at worst, never loses one.
 * Call from the dispatch stage, under the cycle lock.
 */
public final class PollerHealthNotices {
    /** Overrun cycles in a row that make a message. */
    public static final int STREAK = 3;
    private static final String OVERRUNS_TOLD = "overruns.notified";

    private final NotifySettings settings;
    private final Map<String, Notifier> notifiers;

    public PollerHealthNotices(NotifySettings settings, Map<String, Notifier> notifiers) {
        this.settings = settings;
        this.notifiers = notifiers;
    }

    /**
     * Stores the messages due in {@code outbox}.
     *
     * @param now the cycle's start, the time of the messages
     * @return what went wrong, empty when all went well
     */
    public List<String> store(StateDir dir, Outbox outbox, Instant now) {
        List<String> warnings = new ArrayList<>();
        if (settings.channels().values().stream().allMatch(c -> c.pages())) {
            return warnings; // nobody to tell; crashes stay untold until a low-urgency channel is configured
        }
        HealthNotices notices = new HealthNotices(settings, notifiers);
        CrashStore crashes = new CrashStore(dir);
        for (Crash crash : crashes.unnotified()) {
            try {
                outbox.put(notices.messages(crashNotice(crash, now), false));
                crashes.markNotified(crash);
            } catch (IOException e) {
                warnings.add("the crash " + crash.file() + " was not notified (tried again next cycle): " + e.getMessage());
            }
        }
        new HeartbeatStore(dir).read().heartbeat().ifPresent(h -> {
            if (h.overrunStreak() < STREAK || h.overrunSince() == null || told(dir).equals(h.overrunSince().toString())) {
                return;
            }
            try {
                outbox.put(notices.messages(overrunNotice(h, now), false));
                AtomicFiles.write(dir.path().resolve(OVERRUNS_TOLD), h.overrunSince().toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                warnings.add("the overrun streak was not notified (tried again next cycle): " + e.getMessage());
            }
        });
        return warnings;
    }

    private static String told(StateDir dir) {
        Path file = dir.path().resolve(OVERRUNS_TOLD);
        try {
            return Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    private Notice crashNotice(Crash crash, Instant now) {
        String subject = "udjat crashed at " + crash.time() + ": " + crash.exception() + "; see crashes/" + crash.file();
        return new Notice("udjat-crash-" + crash.file(), now, Notice.Kind.NOTICE, Notice.Urgency.LOW, "CRITICAL",
                subject, List.of(subject, "Its stack trace is in the state directory of the poller."),
                List.of(), null, settings.reportUrl(), 0);
    }

    private Notice overrunNotice(Heartbeat h, Instant now) {
        String subject = "udjat: " + h.overrunStreak() + " cycles in a row overran, since " + h.overrunSince();
        return new Notice("udjat-overrun-" + h.overrunSince().toEpochMilli(), now, Notice.Kind.NOTICE,
                Notice.Urgency.LOW, "WARNING", subject,
                List.of(subject, "last cycle: " + (h.overrunReason() == null ? "" : h.overrunReason()),
                        "Results come late and cycles may be skipped: fewer hosts, a longer interval or a higher "
                                + "concurrency may help."),
                List.of(), null, settings.reportUrl(), 0);
    }
}
