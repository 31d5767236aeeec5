package org.udjat.remedy.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Text;

/**
 * {@code restart-service}: restarts the service named by the target through the host's service
 * manager ({@link ServiceRestart}: detected on the host by default, or named with
 * {@code manager}), as the login user or, with {@code sudo: true}, through {@code sudo -n}, which
 * fails at once rather than prompt for a password. The name reaches the shell only through
 * {@link Shell#quote}, after validation to the characters service names use. Stateless.
 */
@Extension
public final class RestartServiceRemediator implements Remediator {
    static final String TYPE = "restart-service";
    static final String MANAGER = "manager";
    static final String SUDO = "sudo";
    static final String AUTO = "auto";
    /** The folders where service managers live, added after the login's own PATH. */
    static final String SBIN_PATH = "PATH=\"$PATH:/usr/local/sbin:/usr/sbin:/sbin\"";
    /** Unit names, init scripts, launchd labels: letters, digits and {@code _ . @ : -}, not starting with a sign. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@:-]{0,199}");

    @Override
    public String type() {
        return TYPE;
    }

    /** How udjat's lines say it: {@code restarted orders on node3 (2nd time in 20m)}. */
    @Override
    public Verb verb() {
        return new Verb("restart", "restarted", "restarting");
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(MANAGER, SUDO);
    }

    @Override
    public List<ConfigProblem> validate(String target, Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (target == null || target.isEmpty()) {
            problems.add(new ConfigProblem("target", "the service to restart is required, e.g. target: nginx"));
        } else if (!SERVICE_NAME.matcher(target).matches()) {
            problems.add(new ConfigProblem("target", "expected a service name of letters, digits and _ . @ : - like \"nginx\""
                    + " or \"com.openssh.sshd\", got \"" + Text.printable(target) + "\""));
        }
        String manager = options.string(MANAGER, AUTO);
        if (!manager.equals(AUTO) && ServiceRestart.fromKey(manager).isEmpty()) {
            problems.add(new ConfigProblem(MANAGER, "expected one of auto, systemd, openrc, sysv, rc.d, rcctl, launchd, got \""
                    + Text.printable(manager) + "\""));
        }
        if (options.has(SUDO) && !(options.asMap().get(SUDO) instanceof Boolean)) {
            problems.add(new ConfigProblem(SUDO, "expected true or false, got \"" + Text.printable(options.string(SUDO, "")) + "\""));
        }
        return problems;
    }

    /**
     * {@code svc='NAME'; sudo=...; PATH=...; <restart>}. Empty for a target or options that
     * {@link #validate} rejects, which the config loader never lets through.
     */
    @Override
    public Optional<String> command(Platform platform, String target, Settings options) {
        if (!validate(target, options).isEmpty()) {
            return Optional.empty();
        }
        String restart = ServiceRestart.fromKey(options.string(MANAGER, AUTO)).map(ServiceRestart::restart)
                .orElseGet(() -> ServiceRestart.detect(platform));
        String sudo = options.bool(SUDO, false) ? "'sudo -n'" : "''";
        return Optional.of("svc=" + Shell.quote(target) + "; sudo=" + sudo + "; " + SBIN_PATH + "; " + restart);
    }

    /** Exit 0 is {@code NAME restarted}; anything else quotes the first lines of what the manager said. */
    @Override
    public Outcome judge(RawOutput output, String target, Settings options) {
        String manager = "";
        List<String> said = new ArrayList<>();
        for (String line : output.lines()) {
            if (manager.isEmpty() && said.isEmpty() && line.startsWith("manager ")) {
                manager = line.substring("manager ".length()).strip();
            } else if (!line.isBlank()) {
                said.add(line.strip());
            }
        }
        String name = Text.printable(String.valueOf(target));
        if (output.exitCode() == 0) {
            return new Outcome(true, name + " restarted");
        }
        String by = manager.isEmpty() || manager.equals("none") ? "" : " (" + Text.printable(manager) + ")";
        return new Outcome(false, "could not restart " + name + by + ": exit " + output.exitCode() + ": "
                + Text.excerpt(said));
    }
}
