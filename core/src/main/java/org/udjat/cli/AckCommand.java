package org.udjat.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.udjat.config.Config;
import org.udjat.config.DurationParser;
import org.udjat.dispatch.control.Ack;
import org.udjat.dispatch.control.AckStore;
import org.udjat.evaluate.Snapshot;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import org.udjat.report.PlainText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code udjat ack [HOST[/CHECK]...] --by NAME}: acknowledges the open problems of the last status (all of
 * them, or those named) and starts ack mode: no further pages for them until it ends.
 */
@Command(name = "ack", mixinStandardHelpOptions = true,
        description = {"Acknowledge open problems (HARD or UNSTABLE) and start ack mode: no further pages for them"
                + " while it lasts. A HOST covers the host and its checks; nothing named means every open problem."})
final class AckCommand extends ControlCommand {
    @Parameters(paramLabel = "HOST[/CHECK]", arity = "0..*", description = "what to acknowledge (default: everything open)")
    List<String> subjects = new ArrayList<>();

    @Option(names = "--by", paramLabel = "NAME", required = true, description = "who acknowledges (a contact)")
    String by;

    @Option(names = "--comment", paramLabel = "TEXT", description = "why, or what is being done")
    String comment = "";

    @Option(names = "--for", paramLabel = "DURATION",
            description = "how long ack mode lasts, e.g. 30m (default: notify.ack_mode, 30m)")
    String duration;

    AckCommand(Context context) {
        super(context);
    }

    /** Acknowledges the chosen open problems of the last status. */
    @Override
    int run(Config config, StateDir dir) throws IOException, ControlRun.UsageException {
        ControlRun.contact(config, by, "--by");
        Duration length = length(config);
        List<SubjectArgument> named = new ArrayList<>();
        for (String s : subjects) {
            named.add(SubjectArgument.parse(s, config));
        }
        StatusStore.LoadResult status = new StatusStore(dir).load();
        ControlRun.warn(context, status.warnings());
        if (status.snapshot().isEmpty()) {
            throw new ControlRun.UsageException("nothing to acknowledge: no status yet, no cycle has completed");
        }
        Snapshot snapshot = status.snapshot().get();
        List<OpenProblems.Problem> open = OpenProblems.of(snapshot);
        List<OpenProblems.Problem> chosen = named.isEmpty() ? open
                : open.stream().filter(p -> named.stream().anyMatch(n -> n.covers(p.host(), p.check()))).toList();
        for (SubjectArgument n : named) {
            if (open.stream().noneMatch(p -> n.covers(p.host(), p.check()))) {
                String state = OpenProblems.describe(snapshot, n.host(), n.check());
                context.err().println("udjat: " + n.subject() + ": nothing open to acknowledge"
                        + (state == null ? " (not polled yet)" : " (" + state + ")"));
            }
        }
        if (chosen.isEmpty()) {
            throw new ControlRun.UsageException(named.isEmpty()
                    ? "nothing to acknowledge: no open problems (only HARD and UNSTABLE ones can be acknowledged)"
                    : "nothing to acknowledge: no open problem matches " + String.join(" ", subjects));
        }
        Instant now = context.clock().instant();
        Ack ack = ControlRun.warned(context, new AckStore(dir).add(
                chosen.stream().map(OpenProblems.Problem::subject).toList(), by, comment, now, now.plus(length)));
        context.out().printf("ack %s by %s until %s (ack mode %s): %d problem%s%s%n", ack.id(), by,
                ControlRun.time(ack.until()), DurationParser.format(length), chosen.size(), chosen.size() == 1 ? "" : "s",
                comment.isEmpty() ? "" : " - " + PlainText.oneLine(comment));
        chosen.forEach(p -> context.out().println("  " + p.subject() + "  " + p.state()));
        return ExitCode.OK;
    }

    private Duration length(Config config) throws ControlRun.UsageException {
        if (duration == null) {
            return config.notifications().ackMode();
        }
        Duration d = DurationParser.parse(duration).orElseThrow(() -> new ControlRun.UsageException(
                "--for: expected a duration like \"30m\" or \"2h\", got \"" + PlainText.oneLine(duration) + "\""));
        if (d.isZero()) {
            throw new ControlRun.UsageException("--for: must be longer than 0s");
        }
        return d;
    }
}
