package org.udjat.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.Check;
import org.udjat.api.Notifier;
import org.udjat.api.Remediator;
import org.udjat.config.HostReader.ParsedHost;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a udjat YAML file into a validated {@link Config}: strict keys, typed values,
 * defaults and templates applied, paths resolved against the file's folder, secrets read.
 * A bad file is rejected whole, with every problem found and its {@code file:line:column}.
 *
 * <p>Stateless apart from its constructor arguments; one loader may load several files,
 * from several threads.
 */
public final class ConfigLoader {
    static final List<String> TOP_KEYS = List.of("state_dir", "plugins_dir", "interval", "cycle_deadline",
            "concurrency", "defaults", "ssh", "templates", "hosts", "report", "rrd", "contacts", "channels", "routes", "notify",
            "watchdog");
    static final List<String> DEFAULTS_KEYS = List.of("timeout", "output_cap", "attempts", "recover_attempts",
            "flap_window", "flap_start", "flap_stop", "stale_after");
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

    private final Map<String, Check> checks;
    private final Map<String, Notifier> notifiers;
    private final Map<String, Remediator> remediators;
    private final Map<String, String> env;
    private final String defaultUser;
    private final Path home;

    /**
     * A loader for production: the SSH user defaults to the {@code user.name} system
     * property and {@code ~} is {@code user.home}.
     *
     * @param checks the known check extensions by name
     * @param env    the environment secrets are read from, normally {@code System.getenv()}
     */
    public ConfigLoader(Map<String, Check> checks, Map<String, String> env) {
        this(checks, env, System.getProperty("user.name"), Path.of(System.getProperty("user.home")));
    }

    /**
     * A loader for production that also knows notifier types, so {@code channels:} can be read.
     *
     * @param notifiers the loaded notifier extensions by {@link Notifier#type()}
     */
    public ConfigLoader(Map<String, Check> checks, Map<String, Notifier> notifiers, Map<String, String> env) {
        this(checks, notifiers, env, System.getProperty("user.name"), Path.of(System.getProperty("user.home")));
    }

    /**
     * A loader with the user-dependent defaults given, so results do not depend on who runs it.
     * It knows no notifier types: every channel is rejected.
     *
     * @param defaultUser the SSH login name when the config sets none
     * @param home        what {@code ~} in paths stands for
     */
    public ConfigLoader(Map<String, Check> checks, Map<String, String> env, String defaultUser, Path home) {
        this(checks, Map.of(), env, defaultUser, home);
    }

    /**
     * A loader for production that knows notifier and remediator types, so {@code channels:} and
     * {@code remediate:} blocks can be read.
     *
     * @param remediators the loaded remediator extensions by {@link Remediator#type()}
     */
    public ConfigLoader(Map<String, Check> checks, Map<String, Notifier> notifiers, Map<String, Remediator> remediators,
                        Map<String, String> env) {
        this(checks, notifiers, remediators, env, System.getProperty("user.name"),
                Path.of(System.getProperty("user.home")));
    }

    /** A loader with notifier types and the user-dependent defaults given; it knows no remediator types. */
    public ConfigLoader(Map<String, Check> checks, Map<String, Notifier> notifiers, Map<String, String> env,
                        String defaultUser, Path home) {
        this(checks, notifiers, Map.of(), env, defaultUser, home);
    }

    /** A loader with notifier and remediator types and the user-dependent defaults given. */
    public ConfigLoader(Map<String, Check> checks, Map<String, Notifier> notifiers, Map<String, Remediator> remediators,
                        Map<String, String> env, String defaultUser, Path home) {
        this.checks = Map.copyOf(checks);
        this.notifiers = Map.copyOf(notifiers);
        this.remediators = Map.copyOf(remediators);
        this.env = Map.copyOf(env);
        this.defaultUser = defaultUser;
        this.home = home;
    }

    /**
     * Loads and validates a config file.
     *
     * @throws ConfigException listing every problem, when the file cannot be read, is not
     *                         valid YAML or does not describe a valid config
     */
    public Config load(Path file) throws ConfigException {
        ErrorCollector errors = new ErrorCollector(file.toString());
        Optional<Node> root = parse(file, errors);
        errors.throwIfAny();
        Path folder = file.toAbsolutePath().getParent();
        ValueReader values = new ValueReader(errors, new PathResolver(folder, home));
        Config config = root.flatMap(r -> YamlMap.read(r, "", "a map of settings at the top level", "key", errors))
                .map(map -> build(file, map, values, new PathResolver(folder, home)))
                .orElse(null);
        errors.throwIfAny();
        return config;
    }

    private static Optional<Node> parse(Path file, ErrorCollector errors) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            errors.addForFile("cannot read the config file: no such file");
            return Optional.empty();
        } catch (CharacterCodingException e) {
            errors.addForFile("cannot read the config file: it is not UTF-8 text");
            return Optional.empty();
        } catch (IOException e) {
            errors.addForFile("cannot read the config file: " + e);
            return Optional.empty();
        }
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root == null) {
                errors.addAtStart(
                        "the file is empty; expected settings with at least \"hosts:\"");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            errors.add(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), "",
                    syntaxMessage(e));
        } catch (YAMLException e) {
            errors.addAtStart("YAML error: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** SnakeYAML's problem, plus where the construct it was reading started, which is often the real mistake. */
    private static String syntaxMessage(MarkedYAMLException e) {
        StringBuilder sb = new StringBuilder("YAML syntax error: ").append(e.getProblem());
        Mark context = e.getContextMark();
        Mark problem = e.getProblemMark();
        if (e.getContext() != null && context != null && problem != null && context.getLine() != problem.getLine()) {
            sb.append(" (").append(e.getContext()).append(" that starts at line ").append(context.getLine() + 1)
                    .append(", column ").append(context.getColumn() + 1).append(')');
        }
        if (e.getProblem() != null && e.getProblem().contains("<block")) {
            sb.append("; check the indentation");
        }
        return sb.toString();
    }

    private Config build(Path file, YamlMap root, ValueReader values, PathResolver paths) {
        root.rejectUnknown(TOP_KEYS);
        Duration interval = interval(root, values);
        Duration deadline = cycleDeadline(root, values, interval);
        int concurrency = root.get("concurrency")
                .flatMap(n -> values.integer(n, "concurrency", 1, 1024)).orElse(32);
        Path stateDir = root.get("state_dir").flatMap(n -> values.path(n, "state_dir"))
                .orElse(paths.resolve("state"));
        Path pluginsDir = root.get("plugins_dir").flatMap(n -> values.path(n, "plugins_dir")).orElse(null);
        RrdSettings rrd = new RrdReader(values).read(root.get("rrd"), interval);
        StatePolicy policy = defaultPolicy(root, values);
        CheckReader checkReader = checkReader(root, values, policy, interval);
        SshReader sshReader = new SshReader(values, env);
        SshReader.Layer sshDefaults = root.get("ssh").map(n -> sshReader.read(n, "ssh")).orElse(SshReader.Layer.EMPTY);
        TemplateSet templates = root.get("templates").map(n -> TemplateSet.read(n, values, checkReader))
                .orElse(TemplateSet.none());
        HostReader hostReader = new HostReader(values, checkReader, sshReader, templates,
                layer -> sshDefaults.overriddenBy(layer).settings(defaultUser, paths, deadline), policy);
        Map<String, ParsedHost> parsed = root.get("hosts").map(hostReader::readAll).orElse(Map.of());
        if (!root.has("hosts") && !root.has("watchdog")) {
            values.errors().add(root.node(), "", "missing \"hosts\"");
        }
        ParentChecker.check(parsed, values.errors());
        DependencyChecker.check(parsed, checkReader, values.errors());
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        parsed.forEach((name, h) -> hosts.put(name, h.spec()));
        ReportSettings report = root.get("report").map(n -> ReportReader.read(n, values)).orElse(ReportSettings.DEFAULT);
        NotifySettings notifications = new NotifyReader(values, notifiers).read(root, interval);
        WatchdogSettings watchdog = root.get("watchdog").map(n -> new WatchdogReader(values, paths, defaultUser).read(n))
                .orElse(null);
        return new Config(file, stateDir, pluginsDir, interval, deadline, concurrency, hosts, report, rrd,
                notifications, watchdog);
    }

    private static Duration interval(YamlMap root, ValueReader values) {
        Optional<Node> node = root.get("interval");
        Duration interval = node.flatMap(n -> values.duration(n, "interval")).orElse(Duration.ofMinutes(1));
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            values.errors().add(node.orElseThrow(), "interval", "must be at least 10s, got \""
                    + DurationParser.format(interval) + "\"");
            return Duration.ofMinutes(1);
        }
        return interval;
    }

    /** Defaults to 10s less than the interval, so a cycle is done before cron starts the next one. */
    private static Duration cycleDeadline(YamlMap root, ValueReader values, Duration interval) {
        Duration fallback = interval.minusSeconds(10);
        fallback = fallback.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : fallback;
        Optional<Node> node = root.get("cycle_deadline");
        Optional<Duration> deadline = node.flatMap(n -> values.duration(n, "cycle_deadline"));
        if (deadline.isPresent() && deadline.get().compareTo(interval) >= 0) {
            values.errors().add(node.orElseThrow(), "cycle_deadline", "must be shorter than interval ("
                    + DurationParser.format(interval) + "), got \"" + DurationParser.format(deadline.get()) + "\"");
            return fallback;
        }
        return deadline.orElse(fallback);
    }

    /** The policy of {@code defaults:} over the built-in one, for every host and check. */
    private static StatePolicy defaultPolicy(YamlMap root, ValueReader values) {
        return root.get("defaults")
                .flatMap(n -> n instanceof org.yaml.snakeyaml.nodes.MappingNode
                        ? YamlMap.read(n, "defaults", "a map of check defaults", "key", new ErrorCollector("-"))
                        : Optional.empty())
                .map(d -> new PolicyReader(values).read(d, StatePolicy.DEFAULT))
                .orElse(StatePolicy.DEFAULT);
    }

    private CheckReader checkReader(YamlMap root, ValueReader values, StatePolicy policy, Duration interval) {
        Duration timeout = Duration.ofSeconds(10);
        int outputCap = 64 << 10;
        Optional<YamlMap> defaults = root.get("defaults")
                .flatMap(n -> YamlMap.read(n, "defaults", "a map of check defaults", "key", values.errors()));
        if (defaults.isPresent()) {
            YamlMap d = defaults.get();
            d.rejectUnknown(DEFAULTS_KEYS);
            timeout = d.get("timeout").flatMap(n -> values.duration(n, "defaults.timeout")).orElse(timeout);
            outputCap = d.get("output_cap").flatMap(n -> values.size(n, "defaults.output_cap",
                    CheckReader.MIN_OUTPUT_CAP, CheckReader.MAX_OUTPUT_CAP)).map(Long::intValue).orElse(outputCap);
        }
        return new CheckReader(values, checks, remediators, interval, timeout, outputCap, policy);
    }
}
