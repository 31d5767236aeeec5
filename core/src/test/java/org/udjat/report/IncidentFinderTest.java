package org.udjat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.StateType;

/**
 * Incidents, time to detect and time to recover from histories with exact instants, as the state
 * engine writes them; every expectation worked out by hand.
 */
class IncidentFinderTest {
    static final Instant T = Instant.parse("2026-01-10T12:00:00Z");
    static final Instant NOW = T.plus(Duration.ofHours(1));

    /**
     * A change at minute {@code m} after T: {@code "CRITICAL SOFT"}, {@code "OK HARD RECOVERY"}, {@code "DOWN HARD
     * PROBLEM gw1 DOWN"} (the rest is the suppression), or a state alone for lines without type or kind.
     */
    static Change c(int m, String spec) {
        String[] w = spec.split(" ", 4);
        StateType type = w.length > 1 ? StateType.valueOf(w[1]) : null;
        ChangeKind kind = w.length > 2 ? ChangeKind.valueOf(w[2]) : w.length > 1 ? ChangeKind.SOFT : null;
        String suppressed = w.length > 3 ? w[3] : null;
        return new Change(T.plus(Duration.ofMinutes(m)), "web1", "http", null, w[0], "", kind, type, 1, 3, false,
                suppressed, 0, List.of(), null, List.of());
    }

    /** Expected incident: {@code started hard firstOk ended} in minutes after T (-1 for none), worst, suppression. */
    record Expected(int started, int hard, int firstOk, int ended, String worst, String suppressedBy, boolean unstable,
                    String detect, String recover, String lasted) {
    }

    static Expected inc(int started, int hard, int firstOk, int ended, String worst, String detect, String recover,
                        String lasted) {
        return new Expected(started, hard, firstOk, ended, worst, null, false, detect, recover, lasted);
    }

    static Arguments row(String name, List<Change> history, Expected... expected) {
        return Arguments.of(name, history, List.of(expected));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("HARD after three results, over at the first OK",
                        List.of(c(-60, "OK HARD NEW"), c(0, "CRITICAL SOFT"), c(2, "CRITICAL HARD PROBLEM"),
                                c(30, "OK HARD RECOVERY")),
                        inc(0, 2, 30, 30, "CRITICAL", "2m", "0s", "30m")),
                row("a SOFT blip is no incident",
                        List.of(c(0, "CRITICAL SOFT"), c(1, "OK HARD SOFT"))),
                row("recover_attempts 2: from the first OK result to the recovery",
                        List.of(c(0, "CRITICAL SOFT"), c(2, "CRITICAL HARD PROBLEM"), c(10, "OK SOFT SOFT"),
                                c(11, "OK HARD RECOVERY")),
                        inc(0, 2, 10, 11, "CRITICAL", "2m", "60s", "11m")),
                row("a failure during the recovery restarts it",
                        List.of(c(0, "CRITICAL SOFT"), c(2, "CRITICAL HARD PROBLEM"), c(10, "OK SOFT SOFT"),
                                c(11, "CRITICAL HARD SOFT"), c(20, "OK SOFT SOFT"), c(21, "OK HARD RECOVERY")),
                        inc(0, 2, 20, 21, "CRITICAL", "2m", "60s", "21m")),
                row("still going on",
                        List.of(c(0, "CRITICAL SOFT"), c(2, "CRITICAL HARD PROBLEM")),
                        inc(0, 2, -1, -1, "CRITICAL", "2m", null, "60m")),
                row("the worst severity is kept",
                        List.of(c(0, "WARNING SOFT"), c(2, "WARNING HARD PROBLEM"), c(5, "CRITICAL HARD PROBLEM"),
                                c(7, "WARNING HARD PROBLEM"), c(9, "OK HARD RECOVERY")),
                        inc(0, 2, 9, 9, "CRITICAL", "2m", "0s", "9m")),
                row("SOFT results of several severities count from the first",
                        List.of(c(0, "UNKNOWN SOFT"), c(1, "WARNING SOFT"), c(3, "WARNING HARD PROBLEM"),
                                c(4, "OK HARD RECOVERY")),
                        inc(0, 3, 4, 4, "WARNING", "3m", "0s", "4m")),
                row("UNSTABLE during an incident, settled OK",
                        List.of(c(0, "CRITICAL SOFT"), c(2, "CRITICAL HARD PROBLEM"), c(20, "UNSTABLE HARD UNSTABLE"),
                                c(50, "OK HARD STABLE")),
                        new Expected(0, 2, 50, 50, "CRITICAL", null, true, "2m", "0s", "50m")),
                row("flapping from OK, settled CRITICAL: the flapping was the first failure",
                        List.of(c(0, "UNSTABLE HARD UNSTABLE"), c(30, "CRITICAL HARD STABLE")),
                        inc(0, 30, -1, -1, "CRITICAL", "30m", null, "60m")),
                row("flapping that settled OK is no incident",
                        List.of(c(0, "UNSTABLE HARD UNSTABLE"), c(30, "OK HARD STABLE"), c(40, "OK HARD NEW"))),
                row("a host UNREACHABLE behind its parent",
                        List.of(c(0, "UNREACHABLE SOFT SOFT gw1 DOWN"), c(2, "UNREACHABLE HARD PROBLEM gw1 DOWN"),
                                c(10, "UP HARD RECOVERY gw1 DOWN")),
                        new Expected(0, 2, 10, 10, "UNREACHABLE", "gw1 DOWN", false, "2m", "0s", "10m")),
                row("suppressed only from the middle on",
                        List.of(c(0, "CRITICAL SOFT"), c(2, "CRITICAL HARD PROBLEM"),
                                c(5, "CRITICAL HARD SUPPRESSION db1 DOWN"), c(9, "OK HARD RECOVERY")),
                        new Expected(0, 2, 9, 9, "CRITICAL", "db1 DOWN", false, "2m", "0s", "9m")),
                row("lines written before SOFT and HARD were recorded count as HARD",
                        List.of(c(0, "CRITICAL"), c(5, "OK")),
                        inc(0, 0, 5, 5, "CRITICAL", "0s", "0s", "5m")),
                row("a host with attempts 1: detected at once",
                        List.of(c(0, "DOWN HARD PROBLEM"), c(5, "UP HARD RECOVERY")),
                        inc(0, 0, 5, 5, "DOWN", "0s", "0s", "5m")),
                row("two incidents, the changes out of order",
                        List.of(c(40, "CRITICAL HARD PROBLEM"), c(0, "WARNING SOFT"), c(30, "OK HARD RECOVERY"),
                                c(2, "WARNING HARD PROBLEM"), c(38, "CRITICAL SOFT")),
                        inc(0, 2, 30, 30, "WARNING", "2m", "0s", "30m"),
                        inc(38, 40, -1, -1, "CRITICAL", "2m", null, "22m")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void incidentsOfOneSubject(String name, List<Change> history, List<Expected> expected) {
        List<Incident> found = IncidentFinder.find(history);

        List<Expected> actual = new ArrayList<>();
        for (Incident i : found) {
            actual.add(new Expected(minute(i.started()), minute(i.hard()), minute(i.firstOk()), minute(i.ended()),
                    i.worst(), i.suppressedBy(), i.unstable(), i.timeToDetect().map(Durations::human).orElse(null),
                    i.timeToRecover().map(Durations::human).orElse(null), Durations.human(i.lasted(NOW))));
            assertEquals(null, i.notified(), "notifications are not recorded yet");
        }
        assertEquals(expected, actual);
    }

    private static int minute(Instant t) {
        return t == null ? -1 : (int) Duration.between(T, t).toMinutes();
    }
}
