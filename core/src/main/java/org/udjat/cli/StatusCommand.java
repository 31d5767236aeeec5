package org.udjat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.udjat.config.ConfigException;
import org.udjat.dispatch.outbox.Outbox;
import org.udjat.dispatch.control.Controls;
import org.udjat.dispatch.control.Stored;
import org.udjat.evaluate.Snapshot;
import org.udjat.health.PollerHealth;
import org.udjat.report.PlainText;
import org.udjat.record.Json;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code udjat status}: every host and check with its state, the age of its result and its output; above them
 * the poller's own health (last cycle, overruns and crashes), who is on duty, the active acks and the downtimes, beside each row whether it is acknowledged or in downtime,
 * and after them the outbox's undelivered messages.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every host and check: state, age of the result, output.")
final class StatusCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    StatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        StatusStore.LoadResult loaded;
        List<UndeliveredView.Row> undelivered;
        Stored<Controls> controls;
        Instant now = context.clock().instant();
        PollerHealth health;
        try (ConfigSession session = ConfigSession.open(options.file, context.env())) {
            StateDir dir = StateDir.open(session.config().stateDir(), context.clock());
            loaded = new StatusStore(dir).load();
            undelivered = UndeliveredView.of(new Outbox(dir), now);
            controls = Controls.read(dir);
            health = PollerHealth.of(dir, now);
        } catch (ConfigException e) {
            ConfigErrors.print(context.err(), e, options.file, "");
            return ExitCode.USAGE;
        } catch (IOException e) {
            context.err().println("udjat: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
        loaded.warnings().forEach(w -> context.err().println("udjat: warning: " + w));
        controls.warnings().forEach(w -> context.err().println("udjat: warning: " + w));
        if (loaded.snapshot().isEmpty()) {
            context.err().println("udjat: no status yet: no cycle has completed (run: udjat run -c " + options.file + ")");
            UndeliveredView.print(undelivered, context.out());
            context.out().println(PlainText.oneLine(health.line()));
            return ExitCode.OK;
        }
        Snapshot snapshot = loaded.snapshot().get();
        StatusView view = StatusView.of(snapshot, controls.value(), now).withUndelivered(undelivered);
        if (json) {
            context.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(view));
        } else {
            view.printTable(context.out());
            context.out().println(PlainText.oneLine(health.line()));
        }
        return ExitCode.OK;
    }
}
