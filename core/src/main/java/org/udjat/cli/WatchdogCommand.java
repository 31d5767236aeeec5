package org.udjat.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.udjat.config.ConfigException;
import org.udjat.record.LockHeldException;
import org.udjat.watchdog.Watchdog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code udjat watchdog}: checks once, from a second machine, that the poller still finishes its cycles, and
 * tells the watchdog's own channels when it does not (or crashes, or keeps overrunning). Meant for cron.
 */
@Command(name = "watchdog", mixinStandardHelpOptions = true,
        description = {"Read the poller's heartbeat (over HTTP or SSH) and notify this config's channels when it is "
            + "stale or unreadable, when it is fresh again, and of new crashes and overrun streaks.",
            "Meant for cron on a second machine; the config needs a watchdog: block."})
final class WatchdogCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigOptions options;

    WatchdogCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ConfigSession session = ConfigSession.open(options.file, context.env())) {
            if (session.config().watchdog() == null) {
                context.err().println("udjat: " + options.file + " has no watchdog: block (heartbeat_url, or ssh with "
                        + "heartbeat_file); see docs/configuration.md");
                return ExitCode.USAGE;
            }
            Watchdog.Result result = new Watchdog(session.config(), session.plugins().notifiers(), context.clock()).run();
            context.out().println((result.healthy() ? "poller healthy: " : "poller NOT healthy: ") + result.line());
            result.sent().forEach(m -> context.out().println("notified on " + m.channel()
                    + (m.notice().recipient() == null ? "" : " to " + m.notice().recipient().name()) + ": "
                    + m.notice().subject()));
            result.warnings().forEach(w -> context.err().println("udjat: warning: " + w));
            return ExitCode.OK;
        } catch (ConfigException e) {
            ConfigErrors.print(context.err(), e, options.file, "");
            return ExitCode.USAGE;
        } catch (LockHeldException e) {
            context.err().println("udjat: " + e.getMessage());
            return ExitCode.LOCKED;
        } catch (IOException e) {
            context.err().println("udjat: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }
}
