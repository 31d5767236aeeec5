package org.udjat.checks;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Thresholds;

/**
 * {@code uptime}: how long the host has been up, to notice reboots. {@code warn}/{@code crit}
 * are duration ranges on the uptime; a lower bound catches a recent reboot, so the default
 * {@code warn: "1h:"} is WARNING while the host has been up for less than an hour. The summary
 * says when the host booted, by its own clock. Stateless.
 */
@Extension
public final class UptimeCheck extends ThresholdCheck<Thresholds> {
    /** WARNING during the first hour after a boot: a reboot nobody planned should be seen. */
    static final String DEFAULT_WARN = "1h:";
    private static final DateTimeFormatter BOOTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public UptimeCheck() {
        super("uptime", WarnCrit.withDefaultsUnlessWritten(EnumSet.of(Quantity.DURATION), DEFAULT_WARN, null));
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(switch (platform) {
            // date gives the host's clock so the summary can say when it booted
            case LINUX, BUSYBOX -> "cat /proc/uptime && date +%s";
            // kern.boottime is a time of day; date gives the host's clock to subtract it from
            case FREEBSD, OPENBSD, MACOS -> "sysctl -n kern.boottime && date +%s";
        });
    }

    @Override
    CheckOutcome parse(RawOutput output, Thresholds limits, Settings options) {
        Optional<UptimeReading> read = UptimeReading.parse(output.lines());
        if (read.isEmpty()) {
            return CheckOutcome.unknown("UPTIME UNKNOWN - could not read the uptime", output.text());
        }
        UptimeReading up = read.get();
        if (up.uptime() < 0) {
            return CheckOutcome.unknown("UPTIME UNKNOWN - the boot time lies " + Elapsed.of(-up.uptime())
                    + " after the host's clock; was the clock set back?", output.text());
        }
        Status status = limits.evaluate(up.uptime());
        String booted = up.bootTime().map(t -> ", booted " + BOOTED.format(t)).orElse("");
        String summary = "UPTIME " + status + " - up " + Elapsed.of(up.uptime()) + booted + Trigger.suffix("uptime", status, limits);
        String longOutput = up.bootTime().map(t -> "booted " + t + " by the host's clock").orElse("");
        List<PerfDatum> perf = List.of(new PerfDatum("uptime", up.uptime(), Quantity.DURATION.unit(),
                limits.warnRange(), limits.critRange(), 0.0, null));
        return new CheckOutcome(status, summary, longOutput, perf);
    }
}
