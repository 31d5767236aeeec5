package org.udjat.poll;

import java.time.Duration;
import java.util.List;
import org.udjat.api.Settings;
import org.udjat.config.CheckSpec;
import org.udjat.config.HostSpec;
import org.udjat.config.Secret;
import org.udjat.config.SshSettings;

/** Builds config values for the poll tests. */
final class Specs {

    static final int CAP = 4096;

    private Specs() {
    }

    /** A command check with a 5s timeout and a 4 KiB cap. */
    static CheckSpec command(String name, String command) {
        return command(name, command, 5, CAP);
    }

    static CheckSpec command(String name, String command, int timeoutSeconds, int cap) {
        return new CheckSpec(name, null, command, Settings.empty(), Duration.ofSeconds(timeoutSeconds), cap);
    }

    static CheckSpec extension(String name, String check) {
        return new CheckSpec(name, check, null, Settings.empty(), Duration.ofSeconds(5), CAP);
    }

    static HostSpec local(String name, List<CheckSpec> checks) {
        return new HostSpec(name, "localhost", 22, HostSpec.Transport.LOCAL, null, List.of(), List.of(),
                ssh(Duration.ofSeconds(60)), checks);
    }

    static SshSettings ssh(Duration execTimeout) {
        return new SshSettings("udjat", null, Secret.NONE, null, false, Duration.ofSeconds(5), execTimeout);
    }
}
