package org.udjat.checks;

import java.util.Optional;
import org.udjat.api.Platform;

/**
 * The service managers the {@code service} check can ask, each with the shell text that asks it
 * about the service named in the shell variable {@code svc} and first prints a tag line
 * {@code manager <tag>}, so the poller knows which format follows.
 *
 * <p>{@code sysv} asks {@code /etc/init.d/NAME status} when that script exists, else
 * {@code service NAME status} (which also knows Upstart jobs), else prints the tag
 * {@code absent}: no manager knows the name.
 */
enum ServiceManager {
    SYSTEMD("systemd", "echo 'manager systemd'; systemctl show -p LoadState -p ActiveState -p SubState -p MainPID -- \"$svc\""),
    OPENRC("openrc", "echo 'manager openrc'; rc-service \"$svc\" status"),
    SYSV("sysv", "if [ -e \"/etc/init.d/$svc\" ]; then echo 'manager sysv'; \"/etc/init.d/$svc\" status;"
            + " elif command -v service >/dev/null 2>&1; then echo 'manager service'; service \"$svc\" status;"
            + " else echo 'manager absent'; fi"),
    RCD("rc.d", "echo 'manager rc.d'; service \"$svc\" onestatus"),
    RCCTL("rcctl", "echo 'manager rcctl'; rcctl check \"$svc\""),
    LAUNCHD("launchd", "echo 'manager launchd'; launchctl print \"system/$svc\"");

    /** The option value that picks the manager by detection. */
    static final String AUTO = "auto";

    private final String key;
    private final String query;

    ServiceManager(String key, String query) {
        this.key = key;
        this.query = query;
    }

    /** The value of the {@code manager} option, e.g. {@code rc.d}. */
    String key() {
        return key;
    }

    /** The shell text that asks this manager. */
    String query() {
        return query;
    }

    /** The manager for an option value; empty for anything else, including {@code auto}. */
    static Optional<ServiceManager> fromKey(String key) {
        for (ServiceManager m : values()) {
            if (m.key.equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The shell text that picks the manager on a platform: systemd only when it is PID 1
     * ({@code /run/systemd/system} exists; an installed systemctl alone says nothing, e.g. in
     * a container), then OpenRC (Gentoo, Alpine), then SysV init scripts. BusyBox systems are
     * never systemd. BSD and macOS each have one manager.
     */
    static String detect(Platform platform) {
        return switch (platform) {
            case LINUX -> "if [ -d /run/systemd/system ]; then " + SYSTEMD.query
                    + "; elif command -v rc-service >/dev/null 2>&1; then " + OPENRC.query + "; else " + SYSV.query + "; fi";
            case BUSYBOX -> "if command -v rc-service >/dev/null 2>&1; then " + OPENRC.query + "; else " + SYSV.query + "; fi";
            case FREEBSD -> RCD.query;
            case OPENBSD -> RCCTL.query;
            case MACOS -> LAUNCHD.query;
        };
    }
}
