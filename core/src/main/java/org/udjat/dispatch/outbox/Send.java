package org.udjat.dispatch.outbox;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import org.udjat.api.Delivery;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;

/**
 * One {@link Notifier#send} in flight on a thread of its own, so that a notifier that hangs, even one
 * that ignores its timeout and interrupts, holds up nothing but that thread: the deliverer stops
 * waiting at {@link #expiresAt}, interrupts the thread and leaves it behind. The thread is a daemon,
 * so a left-behind send never keeps udjat from exiting; its late answer is ignored.
 */
final class Send {
    private final OutboxMessage message;
    private final String lane;
    private final Duration timeout;
    private final long expiresAt;
    private final boolean cutByDeadline;
    private Thread thread;

    /** What a send came back with: a delivery (possibly null, a plugin's fault) or what it threw. */
    record Finished(Send send, Delivery delivery, Throwable failure) {
    }

    private Send(OutboxMessage message, String lane, Duration timeout, long expiresAt, boolean cutByDeadline) {
        this.message = message;
        this.lane = lane;
        this.timeout = timeout;
        this.expiresAt = expiresAt;
        this.cutByDeadline = cutByDeadline;
    }

    /**
     * Starts sending {@code message} through {@code notifier}; the result, whenever it comes, is put on {@code done}.
     *
     * @param timeout       what the notifier is told it has
     * @param cutByDeadline whether the timeout was shortened to end at the delivery's deadline
     */
    static Send start(OutboxMessage message, String lane, Notifier notifier, Settings options, Duration timeout,
                      boolean cutByDeadline, BlockingQueue<Finished> done) {
        Send send = new Send(message, lane, timeout, System.nanoTime() + timeout.toNanos(), cutByDeadline);
        Thread thread = new Thread(() -> {
            Delivery delivery = null;
            Throwable failure = null;
            try {
                delivery = notifier.send(message.notice(), options, timeout);
            } catch (Throwable e) { // NOPMD: a plugin's fault of any kind is isolated here, never passed on
                failure = e;
            }
            done.add(new Finished(send, delivery, failure));
        }, "udjat-send-" + message.channel());
        thread.setDaemon(true);
        // plugins that look up resources through the context class loader (mail providers) find their own
        thread.setContextClassLoader(notifier.getClass().getClassLoader());
        send.thread = thread;
        thread.start();
        return send;
    }

    OutboxMessage message() {
        return message;
    }

    String lane() {
        return lane;
    }

    /** {@link System#nanoTime()} after which the send is abandoned. */
    long expiresAt() {
        return expiresAt;
    }

    /** Stops waiting: interrupts the thread (which may ignore it) and says why the send counts as failed. */
    String abandon() {
        thread.interrupt();
        return cutByDeadline
                ? "no answer within " + Deliverer.human(timeout) + ", when this delivery's time was up"
                : "no answer within " + Deliverer.human(timeout) + " (send_timeout)";
    }
}
