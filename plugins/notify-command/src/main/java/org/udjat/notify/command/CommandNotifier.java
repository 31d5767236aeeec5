package org.udjat.notify.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.NoticeJson;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.api.Text;

/**
 * {@code type: command}: runs a program for each message, Nagios-style. The program gets the
 * notice as JSON on stdin ({@link NoticeJson}) and in environment variables
 * ({@link NoticeEnvironment}); its exit status says how delivery went ({@link ExitStatus}).
 * It is run directly, never through a shell, so no text of the notice can become a command.
 */
@Extension
public final class CommandNotifier implements Notifier {
    /** errno values of a program that cannot be run at all: ENOENT, ENOEXEC, EACCES, ENOTDIR. */
    private static final Pattern PERMANENT_ERRNO = Pattern.compile("error=(2|8|13|20),");

    @Override
    public String type() {
        return "command";
    }

    @Override
    public Set<String> optionNames() {
        return CommandOptions.NAMES;
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        return CommandOptions.validate(options);
    }

    @Override
    public boolean addressesPeople(Settings options) {
        Object perRecipient = options.asMap().get(CommandOptions.PER_RECIPIENT);
        return !(perRecipient instanceof Boolean b) || b;
    }

    @Override
    public Delivery send(Notice notice, Settings settings, Duration timeout) {
        CommandOptions options;
        try {
            options = CommandOptions.read(settings);
        } catch (IllegalArgumentException e) {
            return Delivery.rejected("bad options: " + e.getMessage());
        }
        Map<String, String> passed = new LinkedHashMap<>();
        for (String name : options.passEnv()) {
            String value = System.getenv(name);
            if (value == null) {
                return Delivery.rejected("pass_env: " + name + " is not set in udjat's environment");
            }
            passed.put(name, value);
        }
        Map<String, String> env = NoticeEnvironment.of(notice, passed, options.env());
        if (!Files.isDirectory(options.workingDir())) {
            return Delivery.rejected("working_dir " + options.workingDir() + " is not a directory");
        }
        List<String> argv = new ArrayList<>(options.command());
        String program = argv.get(0);
        Path resolved = program.startsWith("/") ? Path.of(program) : onPath(program, env.get("PATH"));
        if (resolved == null) {
            return Delivery.rejected("program " + Text.printable(program) + " not found on PATH " + Text.printable(env.get("PATH")));
        }
        String unusable = unusable(resolved);
        if (unusable != null) {
            return Delivery.rejected(unusable);
        }
        argv.set(0, resolved.toString());
        return run(resolved.toString(), argv, env, options, NoticeJson.write(notice) + "\n", timeout);
    }

    private static Delivery run(String program, List<String> argv, Map<String, String> env, CommandOptions options,
                                String stdin, Duration timeout) {
        try {
            ProgramRun.Ending ending = ProgramRun.run(argv, env, options.workingDir(),
                    stdin.getBytes(StandardCharsets.UTF_8), options.outputCap(), timeout);
            return ExitStatus.delivery(program, ending, timeout, options.outputCap());
        } catch (IOException e) {
            String reason = "could not run " + program + ": " + Text.printable(String.valueOf(e.getMessage()));
            Matcher m = PERMANENT_ERRNO.matcher(String.valueOf(e.getMessage()));
            return m.find() ? Delivery.rejected(reason) : Delivery.retryLater(reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retryLater("interrupted while " + program + " ran; it was killed");
        }
    }

    /** The first executable of that name in the program's PATH; null when there is none. */
    private static Path onPath(String name, String path) {
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
            if (dir.startsWith("/") && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Why the program cannot be run, or null when it can. */
    private static String unusable(Path program) {
        String name = Text.printable(program.toString());
        if (!Files.exists(program)) {
            return "program " + name + " does not exist";
        }
        if (!Files.isRegularFile(program)) {
            return "program " + name + " is not a regular file";
        }
        if (!Files.isExecutable(program)) {
            return "program " + name + " is not executable by udjat's user";
        }
        return null;
    }
}
