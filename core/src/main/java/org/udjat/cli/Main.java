package org.udjat.cli;

import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;

/** Entry point of the {@code udjat} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Logging.configure(args);
        System.exit(execute(new Context(System.getenv(), Clock.systemDefaultZone(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.out), args));
    }

    /** Runs a command line with the given context and returns the exit code; used by tests too. */
    public static int execute(Context context, String... args) {
        CommandLine cli = new CommandLine(new UdjatCommand(), new ContextFactory(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("udjat: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCode.SOFTWARE;
        });
        return cli.execute(args);
    }

    /** Lets picocli build commands that need the context. */
    private record ContextFactory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Context.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
