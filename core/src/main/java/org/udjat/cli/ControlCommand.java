package org.udjat.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.udjat.config.Config;
import org.udjat.record.StateDir;
import picocli.CommandLine.Mixin;

/**
 * An operator command ({@code duty}, {@code ack}, {@code downtime}): takes {@code -c CONFIG}, and does
 * its work on the loaded config and its state directory through {@link ControlRun#run}, which turns
 * failures into {@code udjat: ...} and an exit code.
 */
abstract class ControlCommand implements Callable<Integer> {
    final Context context;

    @Mixin
    ConfigOptions options;

    ControlCommand(Context context) {
        this.context = context;
    }

    @Override
    public final Integer call() {
        return ControlRun.run(context, options, this::run);
    }

    /** The command's work; see {@link ControlRun.Work}. */
    abstract int run(Config config, StateDir dir) throws IOException, ControlRun.UsageException;
}
