package org.udjat.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the {@code contacts:}, {@code channels:}, {@code routes:} and {@code notify:} blocks into
 * {@link NotifySettings}. A channel's {@code type} must name a loaded {@link Notifier}, whose
 * {@code validate} checks the channel's other keys; routes and the escalation list must name
 * channels and contacts that exist. Every problem is reported; reading goes on past bad values.
 */
final class NotifyReader {
    static final List<String> CHANNEL_KEYS = List.of("type", "urgency", "rate_limit", "fallback");
    static final List<String> ROUTE_KEYS = List.of("severity", "hosts", "checks", "tags", "channels", "contacts");
    static final List<String> NOTIFY_KEYS = List.of("grace", "ack_mode", "escalate_after", "escalation",
            "repeat_every", "summary_lines", "report_url", "send_timeout", "give_up_after");
    static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "UNKNOWN", "DOWN", "UNREACHABLE",
            "UNSTABLE");
    static final int MAX_SUMMARY_LINES = 1000;
    private static final Pattern RATE = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\S+)\\s*");
    private static final Map<String, Notice.Urgency> URGENCIES = urgencies();

    private final ValueReader values;
    private final Map<String, Notifier> notifiers;
    /** Every name written under {@code contacts:} and {@code channels:}, valid or not, so one bad entry is one message. */
    private final List<String> declaredContacts = new ArrayList<>();
    private final List<String> declaredChannels = new ArrayList<>();

    NotifyReader(ValueReader values, Map<String, Notifier> notifiers) {
        this.values = values;
        this.notifiers = notifiers;
    }

    private static Map<String, Notice.Urgency> urgencies() {
        Map<String, Notice.Urgency> m = new LinkedHashMap<>();
        m.put("low", Notice.Urgency.LOW);
        m.put("page", Notice.Urgency.PAGE);
        return m;
    }

    /** The settings of the four top-level blocks of {@code root}; {@code interval} is the default grace. */
    NotifySettings read(YamlMap root, Duration interval) {
        Map<String, Contact> contacts = root.get("contacts").map(this::contacts).orElse(Map.of());
        Map<String, ChannelSpec> channels = root.get("channels").map(this::channels).orElse(Map.of());
        List<RouteSpec> routes = root.get("routes").map(n -> routes(n, contacts, channels)).orElse(List.of());
        NotifySettings defaults = NotifySettings.none(interval);
        Optional<YamlMap> notify = root.get("notify")
                .flatMap(n -> YamlMap.read(n, "notify", "a map of notification settings", "key", values.errors()));
        if (notify.isEmpty()) {
            return new NotifySettings(contacts, channels, routes, interval, defaults.ackMode(),
                    defaults.escalateAfter(), List.copyOf(contacts.keySet()), defaults.repeatEvery(),
                    defaults.summaryLines(), null, defaults.sendTimeout(), defaults.giveUpAfter());
        }
        YamlMap map = notify.get();
        map.rejectUnknown(NOTIFY_KEYS);
        List<String> escalation = map.get("escalation")
                .map(n -> contactNames(n, "notify.escalation", contacts))
                .orElse(List.copyOf(contacts.keySet()));
        return new NotifySettings(contacts, channels, routes,
                duration(map, "grace").orElse(interval),
                duration(map, "ack_mode").orElse(defaults.ackMode()),
                duration(map, "escalate_after").orElse(defaults.escalateAfter()),
                escalation,
                map.has("repeat_every") ? repeatEvery(map.get("repeat_every").orElseThrow()) : defaults.repeatEvery(),
                map.get("summary_lines").flatMap(n -> values.integer(n, "notify.summary_lines", 1, MAX_SUMMARY_LINES))
                        .orElse(defaults.summaryLines()),
                map.get("report_url").flatMap(this::reportUrl).orElse(null),
                duration(map, "send_timeout").orElse(defaults.sendTimeout()),
                duration(map, "give_up_after").orElse(defaults.giveUpAfter()));
    }

    private Optional<Duration> duration(YamlMap map, String key) {
        return map.get(key).flatMap(n -> values.duration(n, map.pathOf(key)));
    }

    /** A duration, or null for {@code off}. */
    private Duration repeatEvery(Node node) {
        if (node instanceof ScalarNode s && "off".equals(s.getValue())) {
            return null;
        }
        Optional<String> raw = values.text(node, "notify.repeat_every", "a duration like \"2h\" or off");
        if (raw.isEmpty()) {
            return NotifySettings.REPEAT_EVERY;
        }
        Optional<Duration> d = DurationParser.parse(raw.get());
        if (d.isEmpty() || d.get().isZero()) {
            values.errors().add(node, "notify.repeat_every", "expected a duration like \"2h\" or off, got \""
                    + raw.get() + "\"");
            return NotifySettings.REPEAT_EVERY;
        }
        return d.get();
    }

    /** The base URL of the report, ending in {@code /} so page paths can be appended. */
    private Optional<String> reportUrl(Node node) {
        Optional<String> raw = values.text(node, "notify.report_url", "a URL like \"https://mon.example.org/udjat/\"");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String url = raw.get().trim();
        if (!url.startsWith("http://") && !url.startsWith("https://") || url.contains(" ")) {
            values.errors().add(node, "notify.report_url", "expected a URL like \"https://mon.example.org/udjat/\", got \""
                    + raw.get() + "\"");
            return Optional.empty();
        }
        return Optional.of(url.endsWith("/") ? url : url + "/");
    }

    private Map<String, Contact> contacts(Node node) {
        Map<String, Contact> contacts = new LinkedHashMap<>();
        Optional<YamlMap> read = YamlMap.read(node, "contacts", "a map of contact names to their addresses",
                "contact", values.errors());
        read.ifPresent(map -> map.entries().forEach(e -> declaredContacts.add(e.key())));
        read.ifPresent(map -> map.entries().forEach(e -> contact(e.key(), e.value(), map.pathOf(e.key()))
                .ifPresent(c -> contacts.put(c.name(), c))));
        return contacts;
    }

    private Optional<Contact> contact(String name, Node node, String path) {
        Optional<YamlMap> read = YamlMap.read(node, path, "the contact's addresses, like {email: alice@example.org}",
                "key", values.errors());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        String email = null;
        String phone = null;
        Map<String, String> handles = new LinkedHashMap<>();
        for (YamlMap.Entry e : map.entries()) {
            String keyPath = map.pathOf(e.key());
            switch (e.key()) {
                case "email" -> email = values.text(e.value(), keyPath, "an email address").filter(a -> {
                    boolean ok = a.matches("[^@\\s]+@[^@\\s]+");
                    if (!ok) {
                        values.errors().add(e.value(), keyPath, "expected an email address like alice@example.org, got \""
                                + a + "\"");
                    }
                    return ok;
                }).orElse(null);
                case "phone" -> phone = values.text(e.value(), keyPath, "a phone number").orElse(null);
                default -> values.text(e.value(), keyPath, "an address (text)").ifPresent(h -> handles.put(e.key(), h));
            }
        }
        return Optional.of(new Contact(name, email, phone, handles));
    }

    private Map<String, ChannelSpec> channels(Node node) {
        Map<String, ChannelSpec> channels = new LinkedHashMap<>();
        Map<String, Node> fallbackNodes = new HashMap<>();
        Optional<YamlMap> read = YamlMap.read(node, "channels", "a map of channel names to channels", "channel",
                values.errors());
        read.ifPresent(map -> map.entries().forEach(e -> declaredChannels.add(e.key())));
        read.ifPresent(map -> map.entries().forEach(e -> channel(e.key(), e.value(), map.pathOf(e.key()))
                .ifPresent(c -> {
                    channels.put(c.spec().name(), c.spec());
                    if (c.fallbackNode() != null) {
                        fallbackNodes.put(c.spec().name(), c.fallbackNode());
                    }
                })));
        checkFallbacks(channels, fallbackNodes);
        return channels;
    }

    /** A channel as read, with the node of its {@code fallback} for later messages. */
    private record ParsedChannel(ChannelSpec spec, Node fallbackNode) {
    }

    private Optional<ParsedChannel> channel(String name, Node node, String path) {
        Optional<YamlMap> read = YamlMap.read(node, path, "a channel like {type: email, ...}", "key", values.errors());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        if (!map.has("type")) {
            values.errors().add(map.node(), path, "missing \"type\" (the notifier: "
                    + (notifiers.isEmpty() ? "no notifier plugins are loaded" : String.join(", ", knownTypes())) + ")");
            return Optional.empty();
        }
        Node typeNode = map.get("type").orElseThrow();
        Optional<String> type = values.text(typeNode, map.pathOf("type"), "a notifier type");
        Notice.Urgency urgency = map.get("urgency").flatMap(n -> values.oneOf(n, map.pathOf("urgency"), "urgency",
                URGENCIES)).orElse(Notice.Urgency.LOW);
        RateLimit rate = map.get("rate_limit").flatMap(n -> rateLimit(n, map.pathOf("rate_limit"))).orElse(null);
        Optional<String> fallback = map.get("fallback").flatMap(n -> values.text(n, map.pathOf("fallback"),
                "a channel name"));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Notifier notifier = notifiers.get(type.get());
        if (notifier == null) {
            String message = Suggester.unknown("notifier type", type.get(), knownTypes(), true);
            values.errors().add(typeNode, map.pathOf("type"),
                    notifiers.isEmpty() ? message + "; no notifier plugins are loaded" : message);
            return Optional.empty();
        }
        Settings options = options(map, notifier);
        return Optional.of(new ParsedChannel(new ChannelSpec(name, type.get(), urgency, rate, fallback.orElse(null),
                options), fallback.isPresent() ? map.get("fallback").orElseThrow() : null));
    }

    private List<String> knownTypes() {
        return notifiers.keySet().stream().sorted().toList();
    }

    /** The channel's option keys, checked against the notifier's names and its own validation. */
    private Settings options(YamlMap map, Notifier notifier) {
        List<String> allowed = new ArrayList<>(CHANNEL_KEYS);
        notifier.optionNames().stream().sorted().forEach(allowed::add);
        map.rejectUnknown(allowed);
        return PluginOptions.read(values, map, CHANNEL_KEYS, notifier.optionNames(), notifier::validate,
                "notifier \"" + notifier.type() + "\"");
    }

    private Optional<RateLimit> rateLimit(Node node, String path) {
        String expected = "a rate limit like \"10/1h\" (at most 10 messages per hour)";
        Optional<String> raw = values.text(node, path, expected);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = RATE.matcher(raw.get());
        Optional<Duration> per = m.matches() ? DurationParser.parse(m.group(2)) : Optional.empty();
        if (per.isEmpty() || per.get().isZero() || Long.parseLong(m.group(1)) < 1) {
            values.errors().add(node, path, "expected " + expected + ", got \"" + raw.get() + "\"");
            return Optional.empty();
        }
        return Optional.of(new RateLimit(Integer.parseInt(m.group(1)), per.get()));
    }

    /** Each fallback names another existing channel, and following fallbacks never comes back. */
    private void checkFallbacks(Map<String, ChannelSpec> channels, Map<String, Node> nodes) {
        for (ChannelSpec c : channels.values()) {
            Node node = nodes.get(c.name());
            if (c.fallback() == null || node == null) {
                continue;
            }
            String path = "channels." + c.name() + ".fallback";
            if (c.fallback().equals(c.name())) {
                values.errors().add(node, path, "a channel cannot fall back to itself");
                continue;
            }
            if (!declaredChannels.contains(c.fallback())) {
                values.errors().add(node, path, Suggester.unknown("channel", c.fallback(),
                        declaredChannels.stream().filter(n -> !n.equals(c.name())).toList(), true));
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(c.name()));
            String next = c.fallback();
            while (next != null && channels.containsKey(next) && !chain.contains(next)) {
                chain.add(next);
                next = channels.get(next).fallback();
            }
            if (c.name().equals(next)) {
                chain.add(next);
                values.errors().add(node, path, "fallbacks form a cycle: " + String.join(" -> ", chain));
            }
        }
    }

    private List<RouteSpec> routes(Node node, Map<String, Contact> contacts, Map<String, ChannelSpec> channels) {
        if (!(node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq)) {
            values.errors().add(node, "routes", "expected a list of routes like [{severity: [WARNING], channels: [mail]}], got "
                    + ValueReader.kind(node));
            return List.of();
        }
        List<RouteSpec> routes = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            route(seq.getValue().get(i), "routes[" + i + "]", contacts, channels).ifPresent(routes::add);
        }
        return routes;
    }

    private Optional<RouteSpec> route(Node node, String path, Map<String, Contact> contacts,
                                      Map<String, ChannelSpec> channels) {
        Optional<YamlMap> read = YamlMap.read(node, path, "a route like {severity: [CRITICAL], channels: [sms]}", "key",
                values.errors());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        map.rejectUnknown(ROUTE_KEYS);
        List<String> severities = map.get("severity").map(n -> known(n, map.pathOf("severity"), "state",
                SEVERITIES)).orElse(List.of());
        List<String> hosts = names(map, "hosts", "host name pattern");
        List<String> checks = names(map, "checks", "check name pattern");
        List<String> tags = names(map, "tags", "tag");
        if (!map.has("channels")) {
            values.errors().add(map.node(), path, "missing \"channels\"");
            return Optional.empty();
        }
        Node channelsNode = map.get("channels").orElseThrow();
        List<String> routed = known(channelsNode, map.pathOf("channels"), "channel", declaredChannels).stream()
                .filter(channels::containsKey).toList();
        if (channelsNode instanceof org.yaml.snakeyaml.nodes.SequenceNode s && s.getValue().isEmpty()) {
            values.errors().add(channelsNode, map.pathOf("channels"), "expected at least one channel");
        }
        List<String> who = map.get("contacts").map(n -> contactNames(n, map.pathOf("contacts"), contacts))
                .orElse(List.of());
        return Optional.of(new RouteSpec(new LinkedHashSet<>(severities), hosts, checks, new LinkedHashSet<>(tags),
                routed, who));
    }

    private List<String> names(YamlMap map, String key, String what) {
        return map.get(key).flatMap(n -> values.names(n, map.pathOf(key), what))
                .map(items -> items.stream().map(ValueReader.Item::value).distinct().toList()).orElse(List.of());
    }

    private List<String> contactNames(Node node, String path, Map<String, Contact> contacts) {
        return known(node, path, "contact", declaredContacts).stream().filter(contacts::containsKey).toList();
    }

    /** A list of names each of which must be one of {@code allowed}; unknown ones are reported and left out. */
    private List<String> known(Node node, String path, String what, List<String> allowed) {
        List<String> found = new ArrayList<>();
        values.names(node, path, what).ifPresent(items -> items.forEach(item -> {
            if (allowed.contains(item.value())) {
                if (!found.contains(item.value())) {
                    found.add(item.value());
                }
            } else {
                String message = Suggester.unknown(what, item.value(), allowed, true);
                values.errors().add(item.node(), item.path(), allowed.isEmpty()
                        ? message + "; none are defined under \"" + what + "s:\"" : message);
            }
        }));
        return found;
    }
}
