package org.udjat.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The cycle lock is held by another run (or already by this process): this run must exit at once
 * without touching the state directory. The message says who holds it, ready for an operator.
 */
public class LockHeldException extends IOException {
    private final transient LockHolder holder;

    LockHeldException(String message, LockHolder holder) {
        super(message);
        this.holder = holder;
    }

    static LockHeldException byAnotherRun(Path lockFile, Optional<LockHolder> holder, Clock clock) {
        String who = holder.map(h -> h.describe(clock))
                .orElse("details unknown: the lock file holds no readable holder yet");
        return new LockHeldException("another udjat run (" + who + ") holds " + lockFile
                + "; exiting without touching anything", holder.orElse(null));
    }

    static LockHeldException byThisProcess(Path lockFile, LockHolder holder, Clock clock) {
        return new LockHeldException("this udjat process (" + holder.describe(clock) + ") already holds "
                + lockFile + "; a cycle was started twice", holder);
    }

    /** The holder as read from the lock file, when it was readable. */
    public Optional<LockHolder> holder() {
        return Optional.ofNullable(holder);
    }
}
