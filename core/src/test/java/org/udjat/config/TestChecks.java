package org.udjat.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.Range;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

/** Small real Check extensions for config tests: names, option names and validation that matter to the loader. */
final class TestChecks {
    static final Set<String> BUILT_IN_OPTIONS = Set.of("warn", "crit", "mounts", "per_cpu");

    private TestChecks() {
    }

    /** {@code load}, validating its thresholds as Nagios ranges, plus {@code disk} and {@code memory} without validation. */
    static Map<String, Check> standard() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("load", new LoadCheck());
        checks.put("disk", new PlainCheck("disk", BUILT_IN_OPTIONS));
        checks.put("memory", new PlainCheck("memory", BUILT_IN_OPTIONS));
        return checks;
    }

    /** Stand-ins for the built-in checks, as named in config-samples/. */
    static Map<String, Check> builtInStandIns() {
        Map<String, Check> checks = new LinkedHashMap<>();
        for (String name : List.of("load", "disk", "memory")) {
            checks.put(name, new PlainCheck(name, BUILT_IN_OPTIONS));
        }
        return checks;
    }

    /** The 1-minute load average compared with {@code warn} and {@code crit} ranges. */
    static final class LoadCheck implements Check {
        @Override
        public String name() {
            return "load";
        }

        @Override
        public Set<String> optionNames() {
            return Set.of("warn", "crit", "per_cpu");
        }

        @Override
        public List<ConfigProblem> validate(Settings options) {
            List<ConfigProblem> problems = new ArrayList<>();
            Range warn = range(options, "warn", problems);
            Range crit = range(options, "crit", problems);
            if (warn != null && crit != null && warn.end() > crit.end()) {
                problems.add(ConfigProblem.of("warn (" + warn + ") must not be above crit (" + crit + ")"));
            }
            Object perCpu = options.asMap().get("per_cpu");
            if (perCpu != null && !(perCpu instanceof Boolean)) {
                problems.add(new ConfigProblem("per_cpu", "expected true or false, got \"" + perCpu + "\""));
            }
            return problems;
        }

        private static Range range(Settings options, String key, List<ConfigProblem> problems) {
            Optional<String> text = options.string(key);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Range.parse(text.get());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key, e.getMessage()));
                return null;
            }
        }

        @Override
        public Optional<String> command(Platform platform, Settings options) {
            return platform == Platform.LINUX ? Optional.of("cat /proc/loadavg") : Optional.empty();
        }

        @Override
        public CheckOutcome parse(RawOutput output, Settings options) {
            String[] fields = output.text().trim().split("\\s+");
            try {
                double load1 = Double.parseDouble(fields[0]);
                Status status = options.string("crit").map(Range::parse).filter(r -> r.alerts(load1)).isPresent()
                        ? Status.CRITICAL
                        : options.string("warn").map(Range::parse).filter(r -> r.alerts(load1)).isPresent()
                        ? Status.WARNING : Status.OK;
                return new CheckOutcome(status, "load " + load1, "", List.of());
            } catch (NumberFormatException e) {
                return CheckOutcome.unknown("cannot read the load average", output.text());
            }
        }
    }

    /** A check that accepts the given option names and any value for them. */
    record PlainCheck(String name, Set<String> optionNames) implements Check {
        @Override
        public Optional<String> command(Platform platform, Settings options) {
            return Optional.of("echo " + name);
        }

        @Override
        public CheckOutcome parse(RawOutput output, Settings options) {
            return new CheckOutcome(Status.fromExitCode(output.exitCode()), output.text().strip(), "", List.of());
        }
    }
}
