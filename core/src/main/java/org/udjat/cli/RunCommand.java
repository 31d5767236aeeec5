package org.udjat.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.Cycle;
import org.udjat.CycleOutcome;
import org.udjat.config.ConfigException;
import org.udjat.config.HostSpec;
import org.udjat.dispatch.LoggingDispatcher;
import org.udjat.health.CrashRecorder;
import org.udjat.poll.LocalTransport;
import org.udjat.poll.SshTransport;
import org.udjat.record.LockHeldException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code udjat run}: exactly one poll cycle, then exit. Meant to be started by cron every interval. A crash of
 * the cycle is recorded in the state directory's {@code crashes/} and notified by the next cycle.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one poll cycle: poll every host, record status and history, then exit.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private final Context context;

    @Mixin
    ConfigOptions options;

    RunCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ConfigSession session = ConfigSession.open(options.file, context.env())) {
            CycleOutcome outcome;
            try (SshTransport ssh = new SshTransport(context.clock())) {
                outcome = new Cycle(session.config(), session.plugins(), Map.of(
                        HostSpec.Transport.SSH, ssh,
                        HostSpec.Transport.LOCAL, new LocalTransport()), context.clock()).run();
            } catch (RuntimeException | Error crash) {
                return crashed(session.config().stateDir(), crash);
            }
            outcome.warnings().forEach(w -> LOG.warn(w));
            outcome.changes().forEach(c -> LOG.info("{}", LoggingDispatcher.line(c)));
            LOG.info(outcome.summary());
            return ExitCode.OK;
        } catch (ConfigException e) {
            ConfigErrors.print(context.err(), e, options.file, "; nothing was polled.");
            return ExitCode.USAGE;
        } catch (LockHeldException e) {
            context.err().println("udjat: " + e.getMessage());
            return ExitCode.LOCKED;
        } catch (IOException e) {
            context.err().println("udjat: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    /**
     * A crash of the poller itself (a bug, a plugin failure that escaped, an {@link Error}): recorded with its
     * stack trace in {@code crashes/} for the next cycle to notify, and reported here.
     */
    private int crashed(Path stateDir, Throwable crash) {
        String where = CrashRecorder.record(stateDir, crash, context.clock(), "udjat run -c " + options.file);
        context.err().println("udjat: the cycle crashed: " + crash);
        crash.printStackTrace(context.err());
        context.err().println("udjat: " + where);
        return ExitCode.SOFTWARE;
    }
}
