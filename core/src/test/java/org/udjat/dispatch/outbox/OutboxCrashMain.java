package org.udjat.dispatch.outbox;

import org.udjat.dispatch.Outgoing;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.udjat.record.StateDir;

/**
 * A real udjat-like process for the crash drills, killed with {@code kill -9} by the test.
 * {@code write <state> <url>}: stores one message, prints {@code WRITTEN}, then waits for ever (killed before
 * any send). {@code send <state> <url>}: stores one message, prints {@code WRITTEN} and delivers it to
 * {@code url} through channel {@code hook} (the test kills it once the receiver has the message, before
 * the answer comes back and the message is removed).
 */
public final class OutboxCrashMain {
    private OutboxCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        Outbox outbox = new Outbox(StateDir.open(Path.of(args[1])));
        outbox.put(List.of(new Outgoing("hook", OutboxFixtures.notice("crash-1", "alice"))));
        System.out.println("WRITTEN");
        System.out.flush();
        if (args[0].equals("write")) {
            System.in.transferTo(OutputStream.nullOutputStream());
            return;
        }
        Clock clock = Clock.systemUTC();
        new Deliverer(Map.of("post", new TestNotifiers.HttpPost()),
                OutboxFixtures.settings(Duration.ofMinutes(1), Duration.ofHours(1),
                        OutboxFixtures.channel("hook", "post", null, args[2])), clock)
                .deliver(outbox, clock.instant().plus(Duration.ofMinutes(1)));
        System.out.println("RETURNED");
    }
}
