package org.udjat.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Quantity;
import org.udjat.api.Settings;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * Options shared by the network checks: TCP ports, host names and addresses, and timeouts in
 * whole seconds. Each reader has a validating twin that reports problems without throwing, so
 * {@code validate()} lists every problem and {@code command()} may rely on the values.
 */
final class NetOptions {
    /** warn/crit of the network checks are durations ({@code 500ms}). */
    static final Set<Quantity> DURATIONS = EnumSet.of(Quantity.DURATION);
    /**
     * What a check's own {@code timeout} is unless the operator changes it. The check does not
     * see that option, so a tool's timeout must stay below this default for the tool to give up
     * (and say why) before the engine kills it.
     */
    static final int CHECK_TIMEOUT_SECONDS = 10;
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern WHOLE_SECONDS = Pattern.compile("([1-9][0-9]{0,4})\\s*s");

    private NetOptions() {
    }

    /** The port under {@code key}, or a problem: {@code expected a TCP port from 1 to 65535, got "0"}. */
    static Optional<ConfigProblem> portProblem(String key, String value) {
        return port(value).isPresent() ? Optional.empty()
                : Optional.of(new ConfigProblem(key, "expected a TCP port from 1 to 65535, got \"" + value + "\""));
    }

    /** A port number from 1 to 65535, or empty. */
    static Optional<Integer> port(String value) {
        String v = value.strip();
        if (!PORT.matcher(v).matches()) {
            return Optional.empty();
        }
        int p = Integer.parseInt(v);
        return p >= 1 && p <= 65535 ? Optional.of(p) : Optional.empty();
    }

    /** Every problem with a required port option. */
    static List<ConfigProblem> requiredPort(Settings options, String key) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> values = options.strings(key);
        if (values.isEmpty()) {
            problems.add(new ConfigProblem(key, "missing; give the TCP port, e.g. " + key + ": 22"));
        } else if (values.size() > 1) {
            problems.add(new ConfigProblem(key, "expected one TCP port, got " + values.size() + ": " + String.join(", ", values)));
            return problems;
        }
        for (String v : values) {
            portProblem(key, v).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * True for a host name (letters, digits, hyphens, dots, at most 253 characters), an IPv4
     * address or an IPv6 address without brackets: nothing a shell or a tool could read as
     * anything but a host.
     */
    static boolean saneHost(String host) {
        if (host.isEmpty() || host.length() > 253 || host.startsWith("-")) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            return IPV6.matcher(host).matches();
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : h.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** True for a literal IPv4 address. */
    static boolean isIpv4(String text) {
        return IPV4.matcher(text).matches();
    }

    /** A host option without the brackets an IPv6 address may be written in ({@code [::1]}). */
    static String unbracketed(String host) {
        String h = host.strip();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /**
     * A timeout option in whole seconds, from 1 to one less than the check's default timeout;
     * the fallback when absent.
     *
     * @throws IllegalArgumentException with the problem, without the key
     */
    static int seconds(Settings options, String key, int fallback) {
        Optional<String> text = options.string(key);
        if (text.isEmpty()) {
            return fallback;
        }
        String v = text.get().strip().toLowerCase(Locale.ROOT);
        var m = WHOLE_SECONDS.matcher(v);
        int max = CHECK_TIMEOUT_SECONDS - 1;
        if (!m.matches()) {
            throw new IllegalArgumentException("expected whole seconds like \"5s\" (the tools take seconds), got \""
                    + text.get() + "\"");
        }
        int s = Integer.parseInt(m.group(1));
        if (s > max) {
            throw new IllegalArgumentException("must be below the check's timeout (" + CHECK_TIMEOUT_SECONDS
                    + "s by default) so the tool gives up first and says why; got \"" + text.get()
                    + "\", at most " + max + "s");
        }
        return s;
    }

    /** The problem with a timeout option, if any. */
    static Optional<ConfigProblem> secondsProblem(Settings options, String key) {
        try {
            seconds(options, key, 1);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new ConfigProblem(key, e.getMessage()));
        }
    }

    /** Every problem with warn/crit as durations; never throws. */
    static List<ConfigProblem> durationThresholds(Settings options) {
        return Thresholds.validate(options, DURATIONS);
    }

    /** The warn/crit durations. @throws IllegalArgumentException {@code key: problem} */
    static Thresholds thresholds(Settings options) {
        return Thresholds.read(options, DURATIONS);
    }

    /** The threshold that made the status, for the summary: {@code warn "500ms"}; empty when OK. */
    static String trigger(Thresholds t, org.udjat.api.Status status) {
        Threshold hit = switch (status) {
            case CRITICAL -> t.crit();
            case WARNING -> t.warn();
            default -> null;
        };
        return hit == null ? "" : " (" + (status == org.udjat.api.Status.CRITICAL ? "crit" : "warn") + " \""
                + hit.text() + "\")";
    }
}
