package org.udjat.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.Text;

/**
 * What a service manager said about one service, read from the {@code service} command's output:
 * a tag line {@code manager <tag>}, the manager's own output, and a last line {@code exit <code>}.
 *
 * @param state   running, stopped, not installed, or unknown when the answer could not be read
 * @param manager the tag of the manager that answered, e.g. {@code systemd}
 * @param detail  a short reason in the manager's words, e.g. {@code failed (failed)}
 */
record ServiceStatus(State state, String manager, String detail) {
    private static final Pattern MANAGER = Pattern.compile("manager (\\S+)");
    private static final Pattern EXIT = Pattern.compile("exit (\\d{1,3})");
    private static final Pattern OPENRC_STATUS = Pattern.compile("\\*\\s*status:\\s*(.+)");
    private static final Pattern LAUNCHD_STATE = Pattern.compile("state = (.+)");
    private static final Pattern LAUNCHD_PID = Pattern.compile("pid = (\\d+)");
    private static final int MAX_DETAIL = 160;

    /** The state of a service. */
    enum State { RUNNING, STOPPED, NOT_INSTALLED, UNKNOWN }

    /** Reads the output; empty when the tag line or the exit line is missing. Never throws. */
    static Optional<ServiceStatus> parse(List<String> lines) {
        List<String> nonBlank = lines.stream().filter(l -> !l.isBlank()).map(String::strip).toList();
        if (nonBlank.size() < 2) {
            return Optional.empty();
        }
        Matcher tag = MANAGER.matcher(nonBlank.get(0));
        Matcher exit = EXIT.matcher(nonBlank.get(nonBlank.size() - 1));
        if (!tag.matches() || !exit.matches()) {
            return Optional.empty();
        }
        List<String> body = nonBlank.subList(1, nonBlank.size() - 1);
        int code = Integer.parseInt(exit.group(1));
        String manager = tag.group(1);
        return Optional.of(switch (manager) {
            case "systemd" -> systemd(body);
            case "openrc" -> openrc(body, code);
            case "sysv" -> lsb(manager, body, code);
            case "service" -> service(body, code);
            case "absent" -> new ServiceStatus(State.NOT_INSTALLED, "sysv", "no init script in /etc/init.d and no service command");
            case "rc.d" -> rcd(body, code);
            case "rcctl" -> rcctl(body);
            case "launchd" -> launchd(body, code);
            default -> new ServiceStatus(State.UNKNOWN, manager, "unknown service manager");
        });
    }

    /** {@code systemctl show} prints Key=Value lines, in an order that varies between versions. */
    private static ServiceStatus systemd(List<String> body) {
        Map<String, String> p = new HashMap<>();
        for (String line : body) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                p.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        String load = p.get("LoadState");
        String active = p.get("ActiveState");
        if (load == null || active == null) {
            return unknown("systemd", body);
        }
        if (load.equals("not-found")) {
            return new ServiceStatus(State.NOT_INSTALLED, "systemd", "unit not found");
        }
        String sub = p.getOrDefault("SubState", "");
        String pid = p.getOrDefault("MainPID", "0");
        String detail = active + (sub.isEmpty() ? "" : " (" + sub + ")") + (pid.matches("[1-9]\\d*") ? ", main pid " + pid : "")
                + (load.equals("loaded") ? "" : ", " + load);
        // activating (auto-restart) is a unit between two crashes, not a running one
        boolean running = active.equals("active") || active.equals("reloading");
        return new ServiceStatus(running ? State.RUNNING : State.STOPPED, "systemd", detail);
    }

    /** OpenRC prints {@code * status: started|stopped|crashed|...}; 0 started, 3 stopped, 16 inactive, 32 crashed. */
    private static ServiceStatus openrc(List<String> body, int code) {
        if (contains(body, "rc-service: service") && contains(body, "does not exist")) {
            return new ServiceStatus(State.NOT_INSTALLED, "openrc", first(body));
        }
        if (contains(body, "which openrc did not boot")) {
            return new ServiceStatus(State.UNKNOWN, "openrc", "OpenRC did not boot this system, so it cannot tell");
        }
        for (String line : body) {
            Matcher m = OPENRC_STATUS.matcher(line);
            if (m.matches()) {
                String s = m.group(1).strip();
                return new ServiceStatus(s.equals("started") ? State.RUNNING : State.STOPPED, "openrc", s);
            }
        }
        return code == 0 || code == 3 ? new ServiceStatus(code == 0 ? State.RUNNING : State.STOPPED, "openrc", "exit " + code)
                : unknown("openrc", body);
    }

    /**
     * LSB init script exit codes: 0 running; 1 dead with a pid file left; 2 dead with a lock file
     * left; 3 not running; 4 unknown. A script without a status action prints its usage. A
     * silent exit 0 is not taken for running: Debian's scripts exit 0 without a word when their
     * program was removed, and one-shot scripts have nothing to report.
     */
    private static ServiceStatus lsb(String manager, List<String> body, int code) {
        if (body.isEmpty()) {
            return new ServiceStatus(State.UNKNOWN, manager, "the status action printed nothing (exit " + code + ")");
        }
        String said = first(body);
        if (code != 0 && contains(body, "usage")) {
            return new ServiceStatus(State.UNKNOWN, manager, "the init script has no status action: " + said);
        }
        return switch (code) {
            case 0 -> new ServiceStatus(State.RUNNING, manager, said);
            case 1, 2, 3 -> new ServiceStatus(State.STOPPED, manager, said);
            default -> new ServiceStatus(State.UNKNOWN, manager, "exit " + code + ": " + said);
        };
    }

    /** {@code service NAME status}: LSB codes, Upstart's {@code start/running}, or an unknown name. */
    private static ServiceStatus service(List<String> body, int code) {
        if (contains(body, "unrecognized service")) {
            return new ServiceStatus(State.NOT_INSTALLED, "service", first(body));
        }
        if (contains(body, "start/running")) {
            return new ServiceStatus(State.RUNNING, "service", first(body));
        }
        if (contains(body, "stop/waiting")) {
            return new ServiceStatus(State.STOPPED, "service", first(body));
        }
        return lsb("service", body, code);
    }

    /** FreeBSD rc.subr: {@code sshd is running as pid 850.} exit 0, {@code sshd is not running.} exit 1. */
    private static ServiceStatus rcd(List<String> body, int code) {
        if (contains(body, "does not exist in /etc/rc.d")) {
            return new ServiceStatus(State.NOT_INSTALLED, "rc.d", first(body));
        }
        if (code == 0) {
            return new ServiceStatus(State.RUNNING, "rc.d", body.isEmpty() ? "exit 0" : first(body));
        }
        return contains(body, "is not running") ? new ServiceStatus(State.STOPPED, "rc.d", first(body)) : unknown("rc.d", body);
    }

    /** OpenBSD rcctl: {@code sshd(ok)} exit 0, {@code sshd(failed)} exit 1, {@code rcctl: service x does not exist} exit 2. */
    private static ServiceStatus rcctl(List<String> body) {
        if (contains(body, "does not exist")) {
            return new ServiceStatus(State.NOT_INSTALLED, "rcctl", first(body));
        }
        if (body.stream().anyMatch(l -> l.endsWith("(ok)"))) {
            return new ServiceStatus(State.RUNNING, "rcctl", first(body));
        }
        return body.stream().anyMatch(l -> l.endsWith("(failed)")) ? new ServiceStatus(State.STOPPED, "rcctl", first(body))
                : unknown("rcctl", body);
    }

    /** {@code launchctl print system/LABEL}: a block with {@code state = running} and {@code pid = N}; exit 113 when unknown. */
    private static ServiceStatus launchd(List<String> body, int code) {
        if (code == 113 || contains(body, "could not find service")) {
            return new ServiceStatus(State.NOT_INSTALLED, "launchd", body.isEmpty() ? "exit " + code
                    : line(body, "could not find service"));
        }
        String state = null;
        String pid = null;
        for (String line : body) {
            Matcher s = LAUNCHD_STATE.matcher(line);
            Matcher p = LAUNCHD_PID.matcher(line);
            if (state == null && s.matches()) {
                state = s.group(1).strip();
            } else if (pid == null && p.matches()) {
                pid = p.group(1);
            }
        }
        if (state == null) {
            return unknown("launchd", body);
        }
        String detail = "state " + state + (pid == null ? "" : ", pid " + pid);
        return new ServiceStatus(state.equals("running") ? State.RUNNING : State.STOPPED, "launchd", detail);
    }

    private static ServiceStatus unknown(String manager, List<String> body) {
        return new ServiceStatus(State.UNKNOWN, manager, body.isEmpty() ? "no answer" : first(body));
    }

    private static boolean contains(List<String> body, String text) {
        return body.stream().anyMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains(text));
    }

    /** The first line holding the text (lower case), else the first line. */
    private static String line(List<String> body, String text) {
        return first(body.stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains(text)).findFirst()
                .map(List::of).orElse(body));
    }

    /** The first line the manager printed, shortened and made printable, as the detail of a summary. */
    private static String first(List<String> body) {
        String line = Text.printable(body.get(0));
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
    }
}
