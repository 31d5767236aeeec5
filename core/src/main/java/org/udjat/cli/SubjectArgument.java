package org.udjat.cli;

import java.util.List;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.Suggester;
import org.udjat.report.PlainText;

/**
 * A {@code HOST} or {@code HOST/CHECK} named on the command line, checked against the config.
 *
 * @param host  the host
 * @param check the check, or null for the host (and, where it matters, all its checks)
 */
record SubjectArgument(String host, String check) {

    /**
     * Reads and checks an argument.
     *
     * @throws ControlRun.UsageException when the host or the check is not in the config, with the closest name
     */
    static SubjectArgument parse(String text, Config config) throws ControlRun.UsageException {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        String check = slash < 0 ? null : text.substring(slash + 1);
        HostSpec spec = config.hosts().get(host);
        if (spec == null) {
            throw new ControlRun.UsageException(Suggester.unknown("host", PlainText.oneLine(host),
                    config.hosts().keySet(), false) + " in " + config.file());
        }
        if (check != null) {
            List<String> checks = spec.checks().stream().map(CheckSpec::name).toList();
            if (!checks.contains(check)) {
                throw new ControlRun.UsageException(Suggester.unknown("check", PlainText.oneLine(check), checks, true)
                        + " on host " + host);
            }
        }
        return new SubjectArgument(host, check);
    }

    /** {@code web1} or {@code web1/disk}. */
    String subject() {
        return check == null ? host : host + "/" + check;
    }

    /** Whether it names {@code subject} ({@code web1} or {@code web1/disk}); a host names its checks too. */
    boolean covers(String subjectHost, String subjectCheck) {
        return host.equals(subjectHost) && (check == null || check.equals(subjectCheck));
    }
}
