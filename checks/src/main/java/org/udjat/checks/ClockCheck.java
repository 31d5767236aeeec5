package org.udjat.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.Range;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * {@code clock}: how far the host's clock is off the poller's. The host prints its time; the
 * poller knows when it started the host's session and when the output was complete
 * ({@link RawOutput#pollStarted()}, {@link RawOutput#pollEnded()}), and the command ran in
 * between. The offset is how far the host's time lies outside that window, 0 inside it, positive
 * when the host is ahead: the smallest offset the measurement allows, so a slow session never
 * raises a false alarm. {@code warn}/{@code crit} are duration ranges on its absolute value,
 * 60s and 120s by default like check_ntp_time. Stateless.
 */
@Extension
public final class ClockCheck extends ThresholdCheck<Thresholds> {
    static final String DEFAULT_WARN = "60s";
    static final String DEFAULT_CRIT = "120s";

    public ClockCheck() {
        super("clock", WarnCrit.withDefaultsUnlessWritten(EnumSet.of(Quantity.DURATION), DEFAULT_WARN, DEFAULT_CRIT));
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(switch (platform) {
            // GNU date has nanoseconds; BusyBox has them only when built with FEATURE_DATE_NANO,
            // and otherwise prints whole seconds followed by "." or ".%N", which the parser accepts
            case LINUX, BUSYBOX -> "date +%s.%N";
            // BSD and macOS date have no sub-second format
            case FREEBSD, OPENBSD, MACOS -> "date +%s";
        });
    }

    @Override
    CheckOutcome parse(RawOutput output, Thresholds limits, Settings options) {
        Optional<HostClockReading> read = HostClockReading.parse(output.lines());
        if (read.isEmpty()) {
            return CheckOutcome.unknown("CLOCK UNKNOWN - could not read the host's time", output.text());
        }
        if (output.pollStarted() == null) {
            return CheckOutcome.unknown("CLOCK UNKNOWN - no poller time to compare with", output.text());
        }
        HostClockReading host = read.get();
        BigDecimal started = seconds(output.pollStarted());
        BigDecimal ended = seconds(output.pollEnded());
        // the host read its clock at some moment of the window, and its clock was in [seconds, seconds + resolution)
        BigDecimal least = host.seconds().subtract(ended);
        BigDecimal most = host.seconds().add(host.resolution()).subtract(started);
        BigDecimal offset = least.signum() > 0 ? least : most.signum() < 0 ? most : BigDecimal.ZERO;
        double value = offset.doubleValue();
        Status status = limits.evaluate(Math.abs(value));
        String summary = "CLOCK " + status + " - " + (offset.signum() == 0
                ? "host clock agrees with the poller's to within " + span(most.subtract(least).doubleValue())
                : "host clock " + span(Math.abs(value)) + (value > 0 ? " ahead of" : " behind") + " the poller's")
                + Trigger.suffix("offset", status, limits);
        String longOutput = "host time " + host.seconds().toPlainString() + " (" + instant(host.seconds()) + ")"
                + "\npoller window " + output.pollStarted() + " to " + output.pollEnded()
                + " (" + span(ended.subtract(started).doubleValue()) + ")"
                + "\nthe true offset lies between " + signed(least) + " and " + signed(most) + "; uncertainty "
                + span(most.subtract(least).doubleValue()) + ": the window"
                + (host.wholeSeconds() ? " plus 1 s, since the host printed whole seconds" : "");
        List<PerfDatum> perf = List.of(new PerfDatum("offset", value, Quantity.DURATION.unit(),
                symmetric(limits.warn()), symmetric(limits.crit()), null, null));
        return new CheckOutcome(status, summary, longOutput, perf);
    }

    /**
     * A threshold on the absolute offset as a range on the signed offset, for perfdata: {@code 60s}
     * (alert above 60 s either way) becomes {@code -60:60}. Null when that takes two ranges (a
     * lower bound above 0) or when the range never alerts.
     */
    static Range symmetric(Threshold t) {
        if (t == null || t.range().start() > 0 || Double.isInfinite(t.range().end())) {
            return null;
        }
        String bound = BigDecimal.valueOf(t.range().end()).stripTrailingZeros().toPlainString();
        return Range.parse((t.range().inside() ? "@" : "") + "-" + bound + ":" + bound);
    }

    private static BigDecimal seconds(Instant t) {
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9));
    }

    private static String instant(BigDecimal seconds) {
        try {
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValue()).toString();
        } catch (ArithmeticException | DateTimeException e) {
            return "out of range";
        }
    }

    /** A length of time: {@code 250ms}, {@code 1.5s}, or {@code 2 min 5 s} from a minute on. */
    private static String span(double seconds) {
        return seconds < 60 ? Quantity.DURATION.format(seconds) : Elapsed.of(seconds);
    }

    private static String signed(BigDecimal seconds) {
        return (seconds.signum() > 0 ? "+" : seconds.signum() < 0 ? "-" : "") + span(seconds.abs().doubleValue());
    }
}
