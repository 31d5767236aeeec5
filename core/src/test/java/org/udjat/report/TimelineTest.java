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

/** Availability over the last 24 hours, from histories with exact instants; every expectation worked out by hand. */
class TimelineTest {
    static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    static final Instant FROM = NOW.minus(Duration.ofHours(24));

    /** A change {@code ago} before now to {@code state}; {@code state*} is suppressed, {@code ~state} SOFT. */
    static Change at(String ago, String state) {
        boolean suppressed = state.endsWith("*");
        boolean soft = state.startsWith("~");
        String to = state.replace("*", "").replace("~", "");
        return new Change(NOW.minus(Duration.parse("PT" + ago.toUpperCase())), "web1", "http", null, to, "",
                ChangeKind.SOFT, soft ? StateType.SOFT : StateType.HARD, 1, 3, false, suppressed ? "gw1 DOWN" : null,
                0, List.of(), null, List.of());
    }

    static List<Change> history(String... entries) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < entries.length; i += 2) {
            changes.add(at(entries[i], entries[i + 1]));
        }
        return changes;
    }

    static Arguments row(String name, String knownAgo, List<Change> history, String ok, String problem, String unknown,
                         String suppressed, String noData, String percent) {
        return Arguments.of(name, knownAgo, history, ok, problem, unknown, suppressed, noData, percent);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("nothing recorded", "0s", history(), "0s", "0s", "0s", "0s", "24h", "\u2014"),
                row("OK since before the window", "0s", history("48h", "OK"), "24h", "0s", "0s", "0s", "0s", "100.00%"),
                row("first record inside the window: the time before is no data", "0s", history("6h", "OK"),
                        "6h", "0s", "0s", "0s", "18h", "100.00%"),
                row("30 minutes CRITICAL", "0s", history("48h", "OK", "2h", "CRITICAL", "1h30m", "OK"),
                        "23h30m", "30m", "0s", "0s", "0s", "97.91%"),
                row("the same changes in another order", "0s", history("1h30m", "OK", "48h", "OK", "2h", "CRITICAL"),
                        "23h30m", "30m", "0s", "0s", "0s", "97.91%"),
                row("UNKNOWN counts against availability", "0s", history("48h", "OK", "1h", "UNKNOWN"),
                        "23h", "0s", "1h", "0s", "0s", "95.83%"),
                row("suppressed time is problem time, shown apart", "0s",
                        history("48h", "UP", "3h", "UNREACHABLE*", "2h", "UP"), "23h", "1h", "0s", "1h", "0s", "95.83%"),
                row("suppressed UNKNOWN", "0s", history("48h", "OK", "1h", "UNKNOWN*"),
                        "23h", "0s", "1h", "1h", "0s", "95.83%"),
                row("after the last cycle is no data", "10m", history("48h", "OK"),
                        "23h50m", "0s", "0s", "0s", "10m", "100.00%"),
                row("a SOFT problem counts", "0s", history("48h", "OK", "10m", "~WARNING", "8m", "OK"),
                        "23h58m", "2m", "0s", "0s", "0s", "99.86%"),
                row("UNSTABLE counts as problem", "0s", history("48h", "OK", "1h", "UNSTABLE", "30m", "OK"),
                        "23h30m", "30m", "0s", "0s", "0s", "97.91%"),
                row("a problem that began before the window is clipped to it", "0s",
                        history("30h", "CRITICAL", "20h", "OK"), "20h", "4h", "0s", "0s", "0s", "83.33%"),
                row("DOWN then UP", "0s", history("24h", "DOWN", "12h", "UP"), "12h", "12h", "0s", "0s", "0s", "50.00%"),
                row("one second of problem never reads 100%", "0s", history("48h", "OK", "1s", "CRITICAL"),
                        "23h59m59s", "1s", "0s", "0s", "0s", "99.99%"),
                row("all problem", "0s", history("48h", "CRITICAL"), "0s", "24h", "0s", "0s", "0s", "0.00%"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void availabilityOverTheLastDay(String name, String knownAgo, List<Change> history, String ok, String problem,
                                    String unknown, String suppressed, String noData, String percent) {
        Instant knownUntil = NOW.minus(Duration.parse("PT" + knownAgo.toUpperCase()));

        Availability a = Timeline.of(history, knownUntil).over(FROM, NOW);

        assertEquals(d(ok), a.ok(), "ok");
        assertEquals(d(problem), a.problem(), "problem");
        assertEquals(d(unknown), a.unknown(), "unknown");
        assertEquals(d(suppressed), a.suppressed(), "suppressed");
        assertEquals(d(noData), a.noData(), "no data");
        assertEquals(Duration.ofHours(24), a.window());
        assertEquals(percent, a.percent());
    }

    static Stream<Arguments> recentHistoryCases() {
        return Stream.of(
                Arguments.of("before the first change read it was in that change's previous state",
                        history("2h", "OK"), "CRITICAL", false, "2h", "22h", "0s", "0s", "0s"),
                Arguments.of("no change read: the current state held all along", history(), "CRITICAL", true,
                        "0s", "24h", "0s", "24h", "0s"),
                Arguments.of("no change read, OK", history(), "UP", false, "24h", "0s", "0s", "0s", "0s"),
                Arguments.of("first seen after the history read began: no data before", history("6h", "OK"),
                        "OK", false, "6h", "0s", "0s", "0s", "18h"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recentHistoryCases")
    void availabilityFromTheRecentHistoryOnly(String name, List<Change> history, String current, boolean suppressed,
                                             String ok, String problem, String unknown, String suppressedTime,
                                             String noData) {
        List<Change> read = history.stream().map(c -> name.startsWith("first seen") ? c : withFrom(c, "CRITICAL"))
                .toList();

        Availability a = Timeline.of(read, NOW, NOW.minus(Duration.ofHours(30)), current, suppressed).over(FROM, NOW);

        assertEquals(List.of(d(ok), d(problem), d(unknown), d(suppressedTime), d(noData)),
                List.of(a.ok(), a.problem(), a.unknown(), a.suppressed(), a.noData()));
    }

    private static Change withFrom(Change c, String from) {
        return new Change(c.time(), c.host(), c.check(), from, c.to(), c.summary(), c.kind(), c.type(), c.attempt(),
                c.attempts(), c.unstable(), c.suppressedBy(), c.suppressedCount(), c.rechecks(), c.previousDuration(),
                c.recent());
    }

    private static Duration d(String text) {
        return Duration.parse("PT" + text.toUpperCase());
    }
}
