package org.udjat.health;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.udjat.Cycle;
import org.udjat.record.CycleLock;
import org.udjat.record.LockHeldException;
import org.udjat.record.StateDir;

/**
 * Records a crash of {@code udjat run} in the state directory: the crash file first, then, when the cycle
 * lock can be had at once, the recent crashes in the heartbeat, so a watchdog sees it before the next cycle.
 * Never throws: a crash that cannot be recorded is said so in the answer.
 */
public final class CrashRecorder {
    private CrashRecorder() {
    }

    /**
     * @param stateDir the state directory of the run that crashed
     * @param what     the command, for the record
     * @return one line for the operator: where the record is, or why there is none
     */
    public static String record(Path stateDir, Throwable crash, Clock clock, String what) {
        Instant now = clock.instant();
        try {
            StateDir dir = StateDir.open(stateDir, clock);
            Crash recorded = new CrashStore(dir).record(crash, now, what, Cycle.version());
            String where = "the stack trace is recorded in " + dir.path().resolve("crashes").resolve(recorded.file())
                    + "; the next cycle notifies it";
            try (CycleLock lock = dir.lock()) {
                new HeartbeatStore(dir).refreshCrashes(now);
            } catch (LockHeldException e) {
                // a cycle runs: its heartbeat will list the crash
            } catch (IOException e) {
                return where + " (the heartbeat was not updated: " + e.getMessage() + ")";
            }
            return where;
        } catch (IOException | RuntimeException e) {
            return "the crash could not be recorded in " + stateDir + ": " + e.getMessage();
        }
    }
}
