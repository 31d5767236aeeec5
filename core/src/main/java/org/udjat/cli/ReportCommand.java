package org.udjat.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.udjat.config.Config;
import org.udjat.config.ConfigException;
import org.udjat.record.CycleLock;
import org.udjat.record.LockHeldException;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import org.udjat.report.ReportException;
import org.udjat.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code udjat report}: renders the HTML report from the state directory's status and history, without
 * polling. Takes the cycle lock, so it never writes the report while a run does.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the HTML report into the state directory's www/ from the last status and the history;"
                + " poll nothing.")
final class ReportCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigOptions options;

    ReportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ConfigSession session = ConfigSession.open(options.file, context.env())) {
            Config config = session.config();
            StateDir dir = StateDir.open(config.stateDir(), context.clock());
            try (CycleLock lock = dir.lock()) {
                StatusStore.LoadResult loaded = new StatusStore(dir).load();
                loaded.warnings().forEach(w -> context.err().println("udjat: warning: " + w));
                Reporter.Outcome outcome = new Reporter(config, context.clock()).report(dir, loaded.snapshot());
                outcome.warnings().forEach(w -> context.err().println("udjat: warning: " + w));
                context.out().println(outcome.summary() + " into " + dir.wwwDir()
                        + (loaded.snapshot().isEmpty() ? " (no cycle has completed yet)" : ""));
                return ExitCode.OK;
            }
        } catch (ConfigException e) {
            ConfigErrors.print(context.err(), e, options.file, "");
            return ExitCode.USAGE;
        } catch (ReportException e) {
            context.err().println("udjat: report: " + e.getMessage());
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
