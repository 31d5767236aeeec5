package org.udjat.notify.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Quantity;
import org.udjat.api.Settings;

/**
 * The options of a {@code type: command} channel, read and checked in one place.
 *
 * @param command       the program and its arguments, run without a shell
 * @param env           extra environment variables, as written
 * @param passEnv       names of udjat's own environment variables handed on to the program
 * @param workingDir    the program's working directory
 * @param perRecipient  one run per recipient (true) or one run per message for a group (false)
 * @param outputCap     how many bytes of the program's output are kept for a failure's reason
 */
record CommandOptions(List<String> command, Map<String, String> env, List<String> passEnv, Path workingDir,
                      boolean perRecipient, int outputCap) {

    static final String COMMAND = "command";
    static final String ENV = "env";
    static final String PASS_ENV = "pass_env";
    static final String WORKING_DIR = "working_dir";
    static final String PER_RECIPIENT = "per_recipient";
    static final String OUTPUT_CAP = "output_cap";
    static final Set<String> NAMES = Set.of(COMMAND, ENV, PASS_ENV, WORKING_DIR, PER_RECIPIENT, OUTPUT_CAP);

    static final int DEFAULT_OUTPUT_CAP = 4096;
    static final int MAX_OUTPUT_CAP = 1 << 20;
    static final Path DEFAULT_WORKING_DIR = Path.of("/");

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String EXAMPLE = "a list like [/usr/local/bin/page-me, --urgent]";

    /** Every problem with the options, in the order of the keys above; never throws. */
    static List<ConfigProblem> validate(Settings options) {
        Map<String, Object> o = options.asMap();
        List<ConfigProblem> problems = new ArrayList<>();
        checkCommand(o.get(COMMAND), problems);
        if (o.containsKey(ENV)) {
            checkEnv(o.get(ENV), problems);
        }
        if (o.containsKey(PASS_ENV)) {
            checkPassEnv(o.get(PASS_ENV), problems);
        }
        if (o.containsKey(WORKING_DIR) && !isAbsolutePath(o.get(WORKING_DIR))) {
            problems.add(new ConfigProblem(WORKING_DIR, "expected an absolute path like /var/lib/udjat, got " + quote(o.get(WORKING_DIR))));
        }
        if (o.containsKey(PER_RECIPIENT) && !(o.get(PER_RECIPIENT) instanceof Boolean)) {
            problems.add(new ConfigProblem(PER_RECIPIENT, "expected true or false, got " + quote(o.get(PER_RECIPIENT))));
        }
        if (o.containsKey(OUTPUT_CAP)) {
            try {
                outputCap(o.get(OUTPUT_CAP));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(OUTPUT_CAP, e.getMessage()));
            }
        }
        return problems;
    }

    /**
     * Reads options that {@link #validate} accepted.
     *
     * @throws IllegalArgumentException with the first problem, for options that were not validated
     */
    static CommandOptions read(Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.get(0);
            throw new IllegalArgumentException(first.key() + ": " + first.message());
        }
        Map<String, Object> o = options.asMap();
        Map<String, String> env = new LinkedHashMap<>();
        if (o.get(ENV) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        Object cap = o.get(OUTPUT_CAP);
        return new CommandOptions(options.strings(COMMAND), env, options.strings(PASS_ENV),
                options.string(WORKING_DIR).map(Path::of).orElse(DEFAULT_WORKING_DIR),
                options.bool(PER_RECIPIENT, true), cap == null ? DEFAULT_OUTPUT_CAP : outputCap(cap));
    }

    private static void checkCommand(Object value, List<ConfigProblem> problems) {
        if (value == null) {
            problems.add(new ConfigProblem(COMMAND, "expected " + EXAMPLE + ", got nothing"));
        } else if (!(value instanceof List<?> list)) {
            problems.add(new ConfigProblem(COMMAND, "expected " + EXAMPLE + ", got " + quote(value)
                    + "; the program runs without a shell: for one, write [/bin/sh, -c, \"...\"]"));
        } else if (list.isEmpty()) {
            problems.add(new ConfigProblem(COMMAND, "expected " + EXAMPLE + ", got an empty list"));
        } else {
            String program = String.valueOf(list.get(0));
            if (isScalar(list.get(0)) && (program.isEmpty() || (program.contains("/") && !program.startsWith("/")))) {
                problems.add(new ConfigProblem(COMMAND + "[0]", "expected an absolute path like /usr/local/bin/page-me"
                        + " or a program name found on PATH, got " + quote(program)));
            }
            for (int i = 0; i < list.size(); i++) {
                Object arg = list.get(i);
                if (!isScalar(arg) || String.valueOf(arg).indexOf('\0') >= 0) {
                    problems.add(new ConfigProblem(COMMAND + "[" + i + "]", "expected a word of text, got " + quote(arg)));
                }
            }
        }
    }

    private static void checkEnv(Object value, List<ConfigProblem> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new ConfigProblem(ENV, "expected a map like {PAGER_QUEUE: ops}, got " + quote(value)));
            return;
        }
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            checkVariableName(ENV, key, problems);
            if (!isScalar(v) || String.valueOf(v).indexOf('\0') >= 0) {
                problems.add(new ConfigProblem(ENV + "." + key, "expected a value of text, got " + quote(v)));
            }
        });
    }

    private static void checkPassEnv(Object value, List<ConfigProblem> problems) {
        if (!(value instanceof List<?> list)) {
            problems.add(new ConfigProblem(PASS_ENV, "expected a list of variable names like [PAGER_TOKEN], got " + quote(value)));
            return;
        }
        list.forEach(name -> checkVariableName(PASS_ENV, String.valueOf(name), problems));
    }

    private static void checkVariableName(String key, String name, List<ConfigProblem> problems) {
        if (!VARIABLE.matcher(name).matches()) {
            problems.add(new ConfigProblem(key, "expected a variable name like PAGER_QUEUE, got " + quote(name)));
        } else if (NoticeEnvironment.isReserved(name)) {
            problems.add(new ConfigProblem(key, "\"" + name + "\" is set by udjat: UDJAT_ and NAGIOS_ names are its own"));
        }
    }

    private static int outputCap(Object value) {
        String text = String.valueOf(value);
        String expected = "expected a size like \"4KiB\" between 1B and 1MiB, got " + quote(value);
        Quantity.Amount amount;
        try {
            amount = Quantity.amount(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expected, e);
        }
        boolean size = amount.quantity() == Quantity.SIZE || amount.quantity() == Quantity.NUMBER;
        if (!size || amount.value() < 1 || amount.value() > MAX_OUTPUT_CAP) {
            throw new IllegalArgumentException(expected);
        }
        return (int) amount.value();
    }

    private static boolean isAbsolutePath(Object value) {
        return value instanceof String s && s.startsWith("/") && s.indexOf('\0') < 0;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String quote(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return "\"" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "\"";
    }
}
