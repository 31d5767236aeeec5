package org.udjat.dispatch.remedy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.config.CheckSpec;
import org.udjat.config.HostSpec;
import org.udjat.config.RemedySpec;
import org.udjat.poll.BatchScript;
import org.udjat.poll.CheckRun;
import org.udjat.poll.Execution;
import org.udjat.poll.FrameReader;
import org.udjat.poll.RunState;
import org.udjat.poll.ScriptWriter;
import org.udjat.poll.Transport;

/**
 * Runs a remediator's command on its host through the host's transport (one SSH session, or the
 * local shell for {@code transport: local}), inside the same generated script as checks are: stdin
 * from /dev/null, stdout and stderr together, {@code LC_ALL=C}, killed with its whole process tree
 * after the remediation's {@code timeout}, output cut at {@link #OUTPUT_CAP}. The remediator then
 * judges the output on the poller. Safe to call from several threads at once; may throw only what the
 * remediator throws (the engine isolates that).
 */
public final class HostRunner implements RemedyEngine.Runner {
    /** The most output of a remediator's command that is kept. */
    public static final int OUTPUT_CAP = 16 << 10;
    /** Time for the session and the script around the command, beyond its own timeout. */
    static final Duration OVERHEAD = Duration.ofSeconds(5);

    private final Map<HostSpec.Transport, Transport> transports;
    private final ScriptWriter writer = new ScriptWriter(Map.of());
    private final Clock clock;

    /** A runner with the cycle's transports by kind of host. */
    public HostRunner(Map<HostSpec.Transport, Transport> transports, Clock clock) {
        this.transports = Map.copyOf(transports);
        this.clock = clock;
    }

    @Override
    public Remediator.Outcome run(HostSpec host, Platform platform, Remediator remediator, RemedySpec spec,
                                  Instant deadline) {
        Optional<String> command = remediator.command(platform, spec.target(), spec.options());
        if (command == null || command.isEmpty() || command.get().isBlank()) {
            return new Remediator.Outcome(false, "remediator " + remediator.type() + " cannot act on platform "
                    + platform.key());
        }
        Transport transport = transports.get(host.transport());
        if (transport == null) {
            return new Remediator.Outcome(false, "no transport for "
                    + host.transport().name().toLowerCase(Locale.ROOT) + " hosts");
        }
        CheckSpec run = new CheckSpec("remediate", null, "LC_ALL=C; export LC_ALL\n" + command.get(), Settings.empty(),
                spec.timeout(), OUTPUT_CAP);
        BatchScript script = writer.write(List.of(run), platform);
        Instant own = clock.instant().plus(spec.timeout()).plus(OVERHEAD);
        Execution execution = transport.execute(host, script.bytes(), own.isBefore(deadline) ? own : deadline);
        if (execution == null || !execution.reached()) {
            return new Remediator.Outcome(false, "host " + host.name() + " not reached: "
                    + (execution == null ? "the transport returned nothing" : execution.reason()));
        }
        CheckRun result = FrameReader.read(script, execution.stdout(), execution.completed()
                ? "no result: the script ended before reporting the command"
                : "no result: the session was cut off").runs().get(0);
        if (result.state() == RunState.NOT_RUN) {
            return new Remediator.Outcome(false, result.reason());
        }
        if (result.state() == RunState.TIMED_OUT) {
            return new Remediator.Outcome(false, "killed after " + spec.timeout().toSeconds() + "s (timeout)");
        }
        RawOutput raw = result.raw();
        return remediator.judge(raw, spec.target(), spec.options());
    }
}
