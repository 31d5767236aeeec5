package org.udjat.checks;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * {@code uptime}: how long the host has been up, to notice reboots. {@code warn}/{@code crit}
 * are duration ranges on the uptime; a lower bound catches a recent reboot, so the default
 * {@code warn: "1h:"} is WARNING while the host has been up for less than an hour. The summary
 * says when the host booted, by its own clock. Stateless.
 */
@Extension
public final class UptimeCheck implements Check {
    /** WARNING during the first hour after a boot: a reboot nobody planned should be seen. */
    static final String DEFAULT_WARN = "1h:";
    private static final Set<Quantity> ACCEPTED = EnumSet.of(Quantity.DURATION);
    private static final DateTimeFormatter BOOTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "uptime";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(Thresholds.WARN, Thresholds.CRIT);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        return Thresholds.validate(options, ACCEPTED);
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
    public CheckOutcome parse(RawOutput output, Settings options) {
        Thresholds limits;
        try {
            limits = limits(options);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("UPTIME UNKNOWN - bad options: " + e.getMessage(), "");
        }
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
        String summary = "UPTIME " + status + " - up " + Elapsed.of(up.uptime()) + booted + trigger(status, limits);
        String longOutput = up.bootTime().map(t -> "booted " + t + " by the host's clock").orElse("");
        List<PerfDatum> perf = List.of(new PerfDatum("uptime", up.uptime(), Quantity.DURATION.unit(),
                limits.warnRange(), limits.critRange(), 0.0, null));
        return new CheckOutcome(status, summary, longOutput, perf);
    }

    /** The thresholds, with the default warn when none was written. */
    static Thresholds limits(Settings options) {
        Threshold warn = options.has(Thresholds.WARN) ? Thresholds.read(options, Thresholds.WARN, ACCEPTED)
                : Threshold.parse(DEFAULT_WARN, ACCEPTED);
        return new Thresholds(warn, Thresholds.read(options, Thresholds.CRIT, ACCEPTED));
    }

    private static String trigger(Status status, Thresholds limits) {
        if (status == Status.OK) {
            return "";
        }
        Threshold hit = status == Status.CRITICAL ? limits.crit() : limits.warn();
        return " - uptime triggers " + (status == Status.CRITICAL ? "crit" : "warn") + " \"" + hit.text() + "\"";
    }
}
