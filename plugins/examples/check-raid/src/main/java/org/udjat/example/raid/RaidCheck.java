package org.udjat.example.raid;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * {@code raid}: the health of software RAID arrays. Linux md arrays from /proc/mdstat (BusyBox
 * reads the same kernel file), FreeBSD gmirror and graid arrays from their {@code status}
 * tables. A degraded array is CRITICAL, an array resyncing, recovering or reshaping is at least
 * WARNING with its progress, an inactive or broken array is CRITICAL. {@code warn}/{@code crit}
 * apply to the number of missing members of each array (plain numbers, Nagios ranges); without
 * either, any missing member is CRITICAL. A host without arrays is OK, or UNKNOWN with
 * {@code expect_arrays: true}.
 *
 * <p>OpenBSD and macOS have no variant: OpenBSD's softraid is read with {@code bioctl}, whose
 * output for a degraded or rebuilding volume could not be found recorded anywhere, and macOS
 * has neither md nor GEOM (its AppleRAID sets are a different model, read with
 * {@code diskutil appleRAID list}). There udjat reports UNKNOWN naming the check and platform.
 *
 * <p>This class is the example of udjat's plugin guide (plugins/README.md). Stateless and
 * thread-safe, as every check must be.
 */
@Extension
public final class RaidCheck implements Check {
    static final String EXPECT_ARRAYS = "expect_arrays";
    private static final Set<Quantity> ACCEPTED = EnumSet.of(Quantity.NUMBER);
    /** Without thresholds, one missing member is already CRITICAL. */
    private static final Thresholds DEFAULT = new Thresholds(null, Threshold.parse("0", ACCEPTED));
    private static final String MDSTAT = "cat /proc/mdstat";
    /** Each tool's own output, then a line with its exit status, so the parser knows who said what. */
    private static final String GEOM = "gmirror status; echo \"gmirror exit $?\"; graid status; echo \"graid exit $?\"";

    @Override
    public String name() {
        return "raid";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(Thresholds.WARN, Thresholds.CRIT, EXPECT_ARRAYS);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>(Thresholds.validate(options, ACCEPTED));
        if (problems.isEmpty()) {
            Thresholds limits = limits(options);
            String written = "with " + written(options);
            if (limits.evaluate(0) != Status.OK) {
                problems.add(new ConfigProblem(firstGiven(options), written
                        + " every healthy array (0 missing members) would alert; write a range like \"0\" or \"1\""));
            } else if (limits.evaluate(1) == Status.OK) {
                problems.add(new ConfigProblem(firstGiven(options), written
                        + " an array missing one member would be OK; write warn: 0 to be warned of it"));
            }
        }
        Object expect = options.asMap().get(EXPECT_ARRAYS);
        if (expect != null && !(expect instanceof Boolean)) {
            problems.add(new ConfigProblem(EXPECT_ARRAYS, "expected true or false, got \"" + expect + "\""));
        }
        return problems;
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return switch (platform) {
            // BusyBox systems run the same kernel and its /proc/mdstat; cat is in every BusyBox
            case LINUX, BUSYBOX -> Optional.of(MDSTAT);
            case FREEBSD -> Optional.of(GEOM);
            // no real bioctl output of a degraded or rebuilding softraid volume is known yet
            case OPENBSD -> Optional.empty();
            // no md and no GEOM; AppleRAID is a different model that this example leaves out
            case MACOS -> Optional.empty();
        };
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        Thresholds limits;
        boolean expectArrays;
        try {
            limits = limits(options);
            expectArrays = options.bool(EXPECT_ARRAYS, false);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("RAID UNKNOWN - bad options: " + e.getMessage(), "");
        }
        Scan scan = GeomStatus.recognizes(output) ? GeomStatus.parse(output) : MdStat.parse(output);
        if (!scan.readable()) {
            return CheckOutcome.unknown("RAID UNKNOWN - " + scan.problem(), output.text());
        }
        if (scan.arrays().isEmpty()) {
            return RaidReport.none(scan, expectArrays);
        }
        return RaidReport.of(scan, limits);
    }

    /**
     * The thresholds on missing members, or the default when neither is given.
     *
     * @throws IllegalArgumentException {@code warn: expected ..., got ...}
     */
    private static Thresholds limits(Settings options) {
        if (!options.has(Thresholds.WARN) && !options.has(Thresholds.CRIT)) {
            return DEFAULT;
        }
        return Thresholds.read(options, ACCEPTED);
    }

    private static String written(Settings options) {
        List<String> parts = new ArrayList<>();
        for (String key : List.of(Thresholds.WARN, Thresholds.CRIT)) {
            options.string(key).ifPresent(v -> parts.add(key + " \"" + v + "\""));
        }
        return parts.isEmpty() ? "the default crit \"0\"" : String.join(" and ", parts);
    }

    private static String firstGiven(Settings options) {
        return options.has(Thresholds.WARN) ? Thresholds.WARN : Thresholds.CRIT;
    }
}
