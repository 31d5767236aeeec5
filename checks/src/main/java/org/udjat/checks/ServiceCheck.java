package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Status;
import org.udjat.api.Text;

/**
 * {@code service}: whether a named service is running, asked of the host's service manager
 * ({@link ServiceManager}: detected by default, or named with {@code manager}). The expected
 * {@code state} is {@code running} (default) or {@code stopped}; the other one is CRITICAL, and
 * so is a service no manager knows, even when it is expected stopped, so that a misspelt name
 * is not taken for a stopped service. The name reaches the shell only through
 * {@link Shell#quote}, after validation to the characters service names use. Stateless.
 */
@Extension
public final class ServiceCheck implements Check {
    static final String NAME = "service";
    static final String MANAGER = "manager";
    static final String STATE = "state";
    static final String RUNNING = "running";
    static final String STOPPED = "stopped";
    /** Unit names, init scripts, launchd labels: letters, digits and {@code _ . @ : -}, not starting with a sign. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@:-]{0,199}");

    @Override
    public String name() {
        return "service";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(NAME, MANAGER, STATE);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<String> name = options.string(NAME);
        if (name.isEmpty()) {
            problems.add(new ConfigProblem(NAME, "the service to check is required, e.g. service: sshd"));
        } else if (!SERVICE_NAME.matcher(name.get()).matches()) {
            problems.add(new ConfigProblem(NAME, "expected a service name of letters, digits and _ . @ : - like \"sshd\""
                    + " or \"com.openssh.sshd\", got \"" + Text.printable(name.get()) + "\""));
        }
        String manager = options.string(MANAGER, ServiceManager.AUTO);
        if (!manager.equals(ServiceManager.AUTO) && ServiceManager.fromKey(manager).isEmpty()) {
            problems.add(new ConfigProblem(MANAGER, "expected one of auto, systemd, openrc, sysv, rc.d, rcctl, launchd, got \""
                    + Text.printable(manager) + "\""));
        }
        String state = options.string(STATE, RUNNING);
        if (!state.equals(RUNNING) && !state.equals(STOPPED)) {
            problems.add(new ConfigProblem(STATE, "expected running or stopped, got \"" + Text.printable(state) + "\""));
        }
        return problems;
    }

    /**
     * {@code svc='NAME'; <ask the manager>; rc=$?; echo; echo "exit $rc"}. The blank line keeps the
     * exit line apart from output that does not end with a newline. Empty for options that
     * {@link #validate} rejects, which the config loader never lets through.
     */
    @Override
    public Optional<String> command(Platform platform, Settings options) {
        if (!validate(options).isEmpty()) {
            return Optional.empty();
        }
        String manager = options.string(MANAGER, ServiceManager.AUTO);
        String query = ServiceManager.fromKey(manager).map(ServiceManager::query).orElseGet(() -> ServiceManager.detect(platform));
        return Optional.of("svc=" + Shell.quote(options.string(NAME).orElseThrow()) + "; " + query
                + "; rc=$?; echo; echo \"exit $rc\"");
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            return CheckOutcome.unknown("SERVICE UNKNOWN - bad options: " + problems.get(0).key() + ": "
                    + problems.get(0).message(), "");
        }
        String name = options.string(NAME).orElseThrow();
        boolean wantRunning = options.string(STATE, RUNNING).equals(RUNNING);
        Optional<ServiceStatus> read = ServiceStatus.parse(output.lines());
        if (read.isEmpty()) {
            return CheckOutcome.unknown("SERVICE UNKNOWN - could not read the service manager's answer about " + name,
                    output.text());
        }
        ServiceStatus s = read.get();
        String why = " (" + s.manager() + ": " + s.detail() + ")";
        return switch (s.state()) {
            case UNKNOWN -> CheckOutcome.unknown("SERVICE UNKNOWN - could not tell whether " + name + " is running" + why,
                    output.text());
            case NOT_INSTALLED -> outcome(Status.CRITICAL, name + " is not installed" + why, 0, output);
            case RUNNING -> outcome(wantRunning ? Status.OK : Status.CRITICAL,
                    name + (wantRunning ? " is running" : " is running but should be stopped") + why, 1, output);
            case STOPPED -> outcome(wantRunning ? Status.CRITICAL : Status.OK,
                    name + (wantRunning ? " is not running" : " is stopped") + why, 0, output);
        };
    }

    private static CheckOutcome outcome(Status status, String text, int running, RawOutput output) {
        return new CheckOutcome(status, "SERVICE " + status + " - " + text, output.text().strip(),
                List.of(new PerfDatum("running", running, "", null, null, 0.0, 1.0)));
    }
}
