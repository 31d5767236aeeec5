package org.udjat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.udjat.config.Config;
import org.udjat.config.DurationParser;
import org.udjat.dispatch.control.Downtime;
import org.udjat.dispatch.control.DowntimeStore;
import org.udjat.record.StateDir;
import org.udjat.report.PlainText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code udjat downtime add|list|remove}: scheduled downtime, during which nothing is notified. */
@Command(name = "downtime", mixinStandardHelpOptions = true,
        description = "Scheduled downtime: no notifications for a host (and its checks) or a check while it lasts.",
        subcommands = {DowntimeCommand.Add.class, DowntimeCommand.ListCommand.class, DowntimeCommand.Remove.class})
final class DowntimeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ControlRun.needsSubcommand(spec, "downtime needs add, list or remove, e.g. udjat downtime list -c udjat.yaml");
    }

    /** {@code web1 and its checks} or {@code web1/disk}. */
    static String what(Downtime d) {
        return d.check() == null ? d.host() + " and its checks" : d.subject();
    }

    /** {@code udjat downtime add HOST[/CHECK] --for 2h --comment TEXT}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Schedule downtime for a host (and all its checks) or one check.")
    static final class Add extends ControlCommand {
        @Parameters(paramLabel = "HOST[/CHECK]", description = "what is down on purpose")
        String subject;

        @Option(names = "--for", paramLabel = "DURATION", required = true, description = "how long, e.g. 2h")
        String duration;

        @Option(names = "--start", paramLabel = "TIME",
                description = "when it starts: now (default), or an ISO time like 2026-11-22T22:00 (local) or 2026-11-22T21:00:00Z")
        String start = "now";

        @Option(names = "--comment", paramLabel = "TEXT", required = true, description = "why, shown in reports")
        String comment;

        @Option(names = "--by", paramLabel = "NAME", description = "who schedules it (default: the user name)")
        String by;

        Add(Context context) {
            super(context);
        }

        @Override
        int run(Config config, StateDir dir) throws IOException, ControlRun.UsageException {
            SubjectArgument target = SubjectArgument.parse(subject, config);
            Duration length = DurationParser.parse(duration).filter(d -> !d.isZero())
                    .orElseThrow(() -> new ControlRun.UsageException("--for: expected a duration like \"2h\" or"
                            + " \"30m\", got \"" + PlainText.oneLine(duration) + "\""));
            Instant now = context.clock().instant();
            Instant from = start(now);
            Instant until = from.plus(length);
            if (!until.isAfter(now)) {
                throw new ControlRun.UsageException("--start " + PlainText.oneLine(start) + " --for " + duration
                        + ": that downtime would have ended at " + ControlRun.time(until) + ", before now");
            }
            String who = by != null ? by : context.env().getOrDefault("USER", System.getProperty("user.name", ""));
            Downtime d = ControlRun.warned(context, new DowntimeStore(dir).add(target.host(), target.check(), from,
                    until, who, comment, now));
            context.out().printf("downtime %s: %s, from %s until %s (%s), by %s: %s%n", d.id(), what(d),
                    from.isAfter(now) ? ControlRun.time(from) : "now", ControlRun.time(until),
                    DurationParser.format(Duration.between(from.isAfter(now) ? from : now, until)),
                    PlainText.oneLine(d.by()), PlainText.oneLine(d.comment()));
            return ExitCode.OK;
        }

        private Instant start(Instant now) throws ControlRun.UsageException {
            if (start.equals("now")) {
                return now;
            }
            try {
                return OffsetDateTime.parse(start).toInstant();
            } catch (DateTimeParseException notWithOffset) {
                try {
                    return LocalDateTime.parse(start).atZone(context.clock().getZone()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new ControlRun.UsageException("--start: expected now or a time like 2026-11-22T22:00 or"
                            + " 2026-11-22T21:00:00Z, got \"" + PlainText.oneLine(start) + "\"");
                }
            }
        }
    }

    /** {@code udjat downtime list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List active and scheduled downtime, with ids.")
    static final class ListCommand extends ControlCommand {
        ListCommand(Context context) {
            super(context);
        }

        @Override
        int run(Config config, StateDir dir) {
            List<Downtime> all = ControlRun.warned(context, new DowntimeStore(dir).read());
            Instant now = context.clock().instant();
            List<Downtime> active = DowntimeStore.active(all, now);
            List<Downtime> scheduled = DowntimeStore.scheduled(all, now);
            if (active.isEmpty() && scheduled.isEmpty()) {
                context.out().println("no downtime active or scheduled.");
                return ExitCode.OK;
            }
            print(context.out(), active, scheduled);
            return ExitCode.OK;
        }

        private static void print(PrintWriter out, List<Downtime> active, List<Downtime> scheduled) {
            List<Downtime> all = new java.util.ArrayList<>(active);
            all.addAll(scheduled);
            int idWidth = Math.max(2, all.stream().mapToInt(d -> d.id().length()).max().orElse(0));
            int whatWidth = Math.max(4, all.stream().mapToInt(d -> what(d).length()).max().orElse(0));
            int byWidth = Math.max(2, all.stream().mapToInt(d -> PlainText.oneLine(d.by()).length()).max().orElse(0));
            String format = "%-" + idWidth + "s  %-9s  %-" + whatWidth + "s  %-20s  %-20s  %-" + byWidth + "s  %s%n";
            out.printf(format, "ID", "STATE", "WHAT", "FROM", "UNTIL", "BY", "COMMENT");
            for (Downtime d : all) {
                out.printf(format, d.id(), active.contains(d) ? "active" : "scheduled", what(d), ControlRun.time(d.from()),
                        ControlRun.time(d.until()), PlainText.oneLine(d.by()), PlainText.oneLine(d.comment()));
            }
        }
    }

    /** {@code udjat downtime remove ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a downtime by its id (see list).")
    static final class Remove extends ControlCommand {
        @Parameters(paramLabel = "ID", description = "the downtime's id, as udjat downtime list shows it")
        String id;

        Remove(Context context) {
            super(context);
        }

        @Override
        int run(Config config, StateDir dir) throws IOException, ControlRun.UsageException {
            Downtime d = ControlRun.warned(context, new DowntimeStore(dir).remove(id, context.clock().instant()))
                    .orElseThrow(() -> new ControlRun.UsageException("no downtime with id \""
                            + PlainText.oneLine(id) + "\"; see udjat downtime list"));
            context.out().printf("downtime %s removed: %s, %s until %s: %s%n", d.id(), what(d),
                    ControlRun.time(d.from()), ControlRun.time(d.until()), PlainText.oneLine(d.comment()));
            return ExitCode.OK;
        }
    }
}
