package org.udjat.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.poll.CheckRun;
import org.udjat.poll.HostPoll;
import org.udjat.poll.RunState;

/**
 * The polls a recorded history implies for one cycle, in the form the state engine reads: a host
 * recorded DOWN was not reached; a check's raw output says its recorded state with the Nagios exit
 * code and its recorded summary. A host or check with no line yet was fine (nothing was written).
 */
final class ReplayPolls {
    private ReplayPolls() {
    }

    static Map<String, HostPoll> at(Config config, RecordedResults results, Instant cycle) {
        Map<String, HostPoll> polls = new LinkedHashMap<>();
        for (HostSpec host : config.hostList()) {
            Optional<RecordedResults.Result> hostResult = results.at(host.name(), cycle);
            if (hostResult.isPresent() && hostResult.get().state().equals("DOWN")) {
                List<CheckRun> notRun = host.checks().stream()
                        .map(c -> CheckRun.notRun(c.name(), "host not reached")).toList();
                polls.put(host.name(), new HostPoll(host.name(), false, hostResult.get().summary(), null, notRun,
                        cycle, Duration.ZERO));
                continue;
            }
            List<CheckRun> runs = new ArrayList<>();
            for (CheckSpec check : host.checks()) {
                Optional<RecordedResults.Result> r = results.at(host.name() + "/" + check.name(), cycle);
                Status status = r.map(x -> Status.valueOf(x.state())).orElse(Status.OK);
                String summary = r.map(RecordedResults.Result::summary).orElse("");
                RawOutput raw = new RawOutput(summary.replace('|', '/'), status.exitCode(), false,
                        cycle, cycle);
                runs.add(new CheckRun(check.name(), RunState.COMPLETED, raw, Duration.ZERO, ""));
            }
            polls.put(host.name(), new HostPoll(host.name(), true, "", Platform.LINUX, runs, cycle, Duration.ZERO));
        }
        return polls;
    }

    /**
     * Stands in for every check extension the config names: reads the recorded state back from the
     * exit code and the recorded summary from the text, as a Nagios plugin's output is read.
     */
    static final class RecordedCheck implements org.udjat.api.Check {
        private final String name;

        RecordedCheck(String name) {
            this.name = name;
        }

        static Map<String, org.udjat.api.Check> forEvery(Config config) {
            Map<String, org.udjat.api.Check> checks = new LinkedHashMap<>();
            config.hostList().forEach(h -> h.checks().stream().filter(CheckSpec::isExtension)
                    .forEach(c -> checks.computeIfAbsent(c.check(), RecordedCheck::new)));
            return checks;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> optionNames() {
            return Set.of();
        }

        @Override
        public Optional<String> command(Platform platform, Settings options) {
            return Optional.empty();
        }

        @Override
        public CheckOutcome parse(RawOutput output, Settings options) {
            return org.udjat.api.NagiosOutput.parse(output);
        }
    }
}
