package org.udjat.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One HARD problem of a host or check, from its first failed result to its recovery, as the
 * history tells it.
 *
 * @param host         the host's name
 * @param check        the check's name, or null for the host itself
 * @param worst        the worst state it reached ({@code CRITICAL} over {@code WARNING} over {@code UNKNOWN};
 *                     {@code DOWN} or {@code UNREACHABLE} for a host)
 * @param started      the first result that was not OK (SOFT at first, when {@code attempts} is above 1)
 * @param hard         when it became HARD: the time people could have been told
 * @param notified     when people were first told (the first delivered message naming it, from
 *                     {@code notifications.jsonl}), null when nobody was
 * @param firstOk      the first OK result of the run of OK results that ended it, null while ongoing
 * @param ended        when it was over (the HARD recovery), null while ongoing
 * @param suppressedBy the root cause it was blamed on while it lasted ({@code gw1 DOWN}), null when none
 * @param unstable     whether it was UNSTABLE (flapping) at some point
 * @param partial      whether it began before the part of the history that was read: {@code started} and
 *                     {@code hard} are then when its current state began (it began then at the latest),
 *                     and the time to detect is not known
 */
public record Incident(String host, String check, String worst, Instant started, Instant hard, Instant notified,
                       Instant firstOk, Instant ended, String suppressedBy, boolean unstable, boolean partial) {

    /** The same incident, first told at {@code when}. */
    public Incident withNotified(Instant when) {
        return new Incident(host, check, worst, started, hard, when, firstOk, ended, suppressedBy, unstable, partial);
    }

    /** Whether it is still going on. */
    public boolean ongoing() {
        return ended == null;
    }

    /** Time to detect: from the first failed result to HARD; empty when it began before the history read. */
    public Optional<Duration> timeToDetect() {
        return partial ? Optional.empty() : Optional.of(Duration.between(started, hard));
    }

    /** Time to recover: from the first OK result to the recovery; empty while ongoing. */
    public Optional<Duration> timeToRecover() {
        return ended == null ? Optional.empty() : Optional.of(Duration.between(firstOk, ended));
    }

    /** From the first failed result to the recovery, or to {@code now} while ongoing. */
    public Duration lasted(Instant now) {
        return Duration.between(started, ended == null ? now : ended);
    }

    /** {@code gw1} or {@code db1/postgres}. */
    public String subject() {
        return check == null ? host : host + "/" + check;
    }
}
