package org.udjat.dispatch.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.NoticeJson;
import org.udjat.config.NotifySettings;
import org.udjat.dispatch.outbox.DeliveryReport.Result;
import org.udjat.record.NotificationLog;
import org.udjat.record.StateDir;

/** kill -9 drills: a real second JVM writes the outbox and is killed before or after its send. */
@Timeout(120)
class OutboxCrashIT {
    @TempDir
    Path state;
    private Receiver receiver;
    private Process child;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        receiver.close();
    }

    private BufferedReader startChild(String mode, String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OutboxCrashMain.class.getName(),
                mode, state.toString(), url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("WRITTEN", out.readLine());
        return out;
    }

    private void killChild() throws Exception {
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL, no chance to clean up");
    }

    /** What the next cycle does: deliver through a working receiver. */
    private DeliveryReport nextDelivery() throws Exception {
        Clock clock = Clock.systemUTC();
        NotifySettings settings = OutboxFixtures.settings(Duration.ofSeconds(5), Duration.ofHours(1),
                OutboxFixtures.channel("hook", "post", null, receiver.url("/ok")));
        return new Deliverer(Map.of("post", new TestNotifiers.HttpPost()), settings, clock)
                .deliver(new Outbox(StateDir.open(state, clock)), clock.instant().plusSeconds(20));
    }

    @Test
    void killedAfterWritingAndBeforeSendingTheNextDeliverySendsItExactlyOnce() throws Exception {
        startChild("write", receiver.url("/ok"));
        killChild();
        assertEquals(List.of(), receiver.requests(), "nothing was sent before the kill");

        assertEquals(1, nextDelivery().count(Result.DELIVERED));
        assertEquals(List.of(), nextDelivery().outcomes());

        assertEquals(List.of(NoticeJson.write(OutboxFixtures.notice("crash-1", "alice"))), receiver.accepted());
        assertEquals(1, receiver.requests().size());
        assertEquals(List.of(), new Outbox(StateDir.open(state)).pending().messages());
        assertEquals(1, new NotificationLog(StateDir.open(state)).read().entries().size());
    }

    @Test
    void killedAfterTheSendAndBeforeTheRemovalItIsSentOnceMoreAndNeverLost() throws Exception {
        startChild("send", receiver.url("/silent"));
        assertNotNull(receiver.arrivals.poll(60, TimeUnit.SECONDS), "the child's send reached the receiver");
        killChild();
        assertEquals(1, new Outbox(StateDir.open(state)).pending().messages().size(), "still in the outbox");

        assertEquals(1, nextDelivery().count(Result.DELIVERED));
        assertEquals(List.of(), nextDelivery().outcomes());

        String body = NoticeJson.write(OutboxFixtures.notice("crash-1", "alice"));
        assertEquals(List.of("/silent " + body, "/ok " + body), receiver.requests(), "twice at most, same id both times");
        assertEquals(List.of(), new Outbox(StateDir.open(state)).pending().messages());
    }
}
