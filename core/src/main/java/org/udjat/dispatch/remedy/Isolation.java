package org.udjat.dispatch.remedy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.udjat.api.Remediator;

/**
 * Runs one action on a daemon thread of its own and waits a bounded time, so a remediator that
 * throws or hangs costs a failed outcome and a warning, never the cycle. A thread that hangs is
 * interrupted and left behind; being a daemon, it never keeps the JVM alive.
 */
final class Isolation {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private Isolation() {
    }

    static Remediator.Outcome run(Supplier<Remediator.Outcome> action, String type, Duration limit,
                                  List<String> warnings) {
        FutureTask<Remediator.Outcome> task = new FutureTask<>(action::get);
        Thread thread = new Thread(task, "udjat-remedy-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        try {
            Remediator.Outcome outcome = task.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
            return outcome == null ? failure(warnings, "remediator " + type + " returned no outcome") : outcome;
        } catch (TimeoutException e) {
            task.cancel(true);
            return failure(warnings, "remediator " + type + " did not finish within " + seconds(limit) + "s");
        } catch (ExecutionException e) {
            return failure(warnings, "remediator " + type + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return failure(warnings, "remediation was interrupted");
        }
    }

    private static Remediator.Outcome failure(List<String> warnings, String why) {
        warnings.add(why);
        return new Remediator.Outcome(false, why);
    }

    private static long seconds(Duration d) {
        return Math.max(0, (d.toMillis() + 500) / 1000);
    }
}
