package org.udjat.remedy.service;

import java.util.Optional;
import org.udjat.api.Platform;

/**
 * The service managers {@code restart-service} can restart a service with, each as the shell text
 * that restarts the service named in the shell variable {@code svc}, after a tag line
 * {@code manager <key>} that tells the poller which manager answered. {@code $sudo} is empty or
 * {@code sudo -n}. Detection looks on the {@code PATH} that {@link RestartServiceRemediator}
 * extends with the sbin folders, where {@code service} and {@code rc-service} live but which a
 * non-root login often lacks.
 */
enum ServiceRestart {
    SYSTEMD("systemd", "echo 'manager systemd'; $sudo systemctl restart \"$svc\""),
    OPENRC("openrc", "echo 'manager openrc'; $sudo rc-service \"$svc\" restart"),
    /** {@code service} when installed (it runs the script in a clean environment, and knows Upstart jobs), else the script itself. */
    SYSV("sysv", "if command -v service >/dev/null 2>&1; then echo 'manager sysv'; $sudo service \"$svc\" restart;"
            + " elif [ -e \"/etc/init.d/$svc\" ]; then echo 'manager sysv'; $sudo \"/etc/init.d/$svc\" restart;"
            + " else " + none("service or /etc/init.d/$svc") + "; fi"),
    RCD("rc.d", "echo 'manager rc.d'; $sudo service \"$svc\" restart"),
    RCCTL("rcctl", "echo 'manager rcctl'; $sudo rcctl restart \"$svc\""),
    LAUNCHD("launchd", "echo 'manager launchd'; $sudo launchctl kickstart -k \"system/$svc\"");

    /** The exit status when no manager could be found: 127, as the shell's "command not found". */
    static final int NO_MANAGER = 127;

    private final String key;
    private final String restart;

    ServiceRestart(String key, String restart) {
        this.key = key;
        this.restart = restart;
    }

    /** The value of the {@code manager} option, e.g. {@code rc.d}. */
    String key() {
        return key;
    }

    /** The shell text that restarts the service with this manager. */
    String restart() {
        return restart;
    }

    /** The manager for an option value; empty for anything else. */
    static Optional<ServiceRestart> fromKey(String key) {
        for (ServiceRestart m : values()) {
            if (m.key.equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The shell text that picks the manager on a platform, in the order the {@code service} check
     * uses: systemd only when it is PID 1 ({@code /run/systemd/system} exists; an installed
     * systemctl alone says nothing, e.g. in a container), then OpenRC (Gentoo, Alpine), then SysV
     * init. BusyBox systems are never systemd and have no {@code service}. BSD and macOS each
     * have one manager.
     */
    static String detect(Platform platform) {
        return switch (platform) {
            case LINUX -> "if [ -d /run/systemd/system ]; then " + SYSTEMD.restart
                    + "; elif command -v rc-service >/dev/null 2>&1; then " + OPENRC.restart + "; else " + SYSV.restart + "; fi";
            case BUSYBOX -> "if command -v rc-service >/dev/null 2>&1; then " + OPENRC.restart
                    + "; elif [ -e \"/etc/init.d/$svc\" ]; then echo 'manager sysv'; $sudo \"/etc/init.d/$svc\" restart; else "
                    + none("rc-service or /etc/init.d/$svc") + "; fi";
            case FREEBSD -> RCD.restart;
            case OPENBSD -> RCCTL.restart;
            case MACOS -> LAUNCHD.restart;
        };
    }

    private static String none(String looked) {
        return "echo 'manager none'; echo \"no service manager found to restart $svc (no " + looked + ")\"; (exit "
                + NO_MANAGER + ")";
    }
}
