package org.udjat.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.udjat.api.Notice;
import org.udjat.config.Config;
import org.udjat.config.ConfigException;
import org.udjat.dispatch.control.Duty;
import org.udjat.dispatch.notify.NotifyPolicy;
import org.udjat.evaluate.Change;
import org.udjat.record.HistoryLog;
import org.udjat.replay.NotifyReplay;
import org.udjat.report.PlainText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code udjat replay}: runs a recorded history through the state engine and the notification
 * rules of a config and prints, in order, what would have been sent to whom and when. Nothing is
 * polled, sent or written. For tuning attempts, flap settings and routes before production.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Run a recorded history through the state engine and notification rules of a config, "
                + "and print what would have been sent to whom and when. Nothing is sent or written."})
final class ReplayCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private final Context context;

    @Mixin
    ConfigOptions options;

    @Option(names = "--history", paramLabel = "FILE", required = true,
            description = "a history.jsonl, e.g. copied from production")
    Path history;

    @Option(names = "--duty", paramLabel = "NAME", description = "who is on duty during the replay (default: nobody, "
            + "so pages go to the escalation list)")
    String duty;

    @Option(names = "--changes", description = "also print the state engine's problems and recoveries")
    boolean changes;

    ReplayCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = context.out();
        try (ConfigSession session = ConfigSession.open(options.file, context.env())) {
            Config config = session.config();
            if (!Files.isReadable(history)) {
                context.err().println("udjat: cannot read the history " + history);
                return ExitCode.USAGE;
            }
            HistoryLog.Entries entries = new HistoryLog(history).read();
            entries.warnings().forEach(w -> context.err().println("udjat: warning: " + w));
            if (duty != null && !config.notifications().contacts().containsKey(duty)) {
                context.err().println("udjat: --duty " + duty + ": not a contact; contacts: "
                        + String.join(", ", config.notifications().contacts().keySet()));
                return ExitCode.USAGE;
            }
            if (!config.notifications().enabled()) {
                context.err().println("udjat: warning: " + options.file + " has no channels: nobody would be told anything");
            }
            Instant first = entries.changes().isEmpty() ? context.clock().instant() : entries.changes().get(0).time();
            Optional<Duty> onDuty = Optional.ofNullable(duty).map(n -> new Duty(n, first));
            NotifyReplay.Result result = NotifyReplay.run(config, entries.changes(), onDuty,
                    NotifyPolicy.addressing(config.notifications(), session.plugins().notifiers()));
            print(result, out);
            return ExitCode.OK;
        } catch (ConfigException e) {
            ConfigErrors.print(context.err(), e, options.file, "; nothing was replayed.");
            return ExitCode.USAGE;
        }
    }

    private void print(NotifyReplay.Result result, PrintWriter out) {
        if (result.cycles().isEmpty()) {
            out.println("the history has no results to replay");
            return;
        }
        out.printf("replayed %d cycles from %s to %s%n", result.cycles().size(),
                TIME.format(result.cycles().get(0).time()), TIME.format(result.cycles().get(result.cycles().size() - 1).time()));
        if (changes) {
            for (var cycle : result.cycles()) {
                for (Change c : cycle.changes()) {
                    if (c.notifiable()) {
                        out.printf("%s  change   %s %s -> %s%n", TIME.format(c.time()), c.subject(), c.from(), c.to());
                    }
                }
            }
        }
        Map<String, Integer> perRecipient = new TreeMap<>();
        Map<String, Integer> perKind = new LinkedHashMap<>();
        for (NotifyReplay.Sent s : result.messages()) {
            Notice n = s.outgoing().notice();
            String to = n.recipient() == null ? "(everyone)" : n.recipient().name();
            out.printf("%s  %-8s %-10s %-12s %s%n", TIME.format(s.cycle()), s.outgoing().channel(), to, n.kind(),
                    PlainText.oneLine(n.subject()));
            perRecipient.merge(s.outgoing().channel() + " " + to, 1, Integer::sum);
            perKind.merge(n.kind() + (n.urgency() == Notice.Urgency.PAGE ? " (page)" : ""), 1, Integer::sum);
        }
        out.printf("%d messages%s%n", result.messages().size(), result.messages().isEmpty() ? "" : ": " + join(perKind));
        perRecipient.forEach((k, v) -> out.printf("  %-24s %d%n", k, v));
        result.notes().stream().distinct().forEach(n -> out.println("note: " + n));
    }

    private static String join(Map<String, Integer> counts) {
        return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
    }

}
