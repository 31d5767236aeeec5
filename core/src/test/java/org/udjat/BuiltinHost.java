package org.udjat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.udjat.api.Status;
import org.udjat.testkit.CheckTargets;

/**
 * The check list of {@code builtin/checks.yaml}, which names every built-in check, filled in with
 * the real things {@link CheckTargets} starts; and what each check must give on the test machine.
 */
final class BuiltinHost implements AutoCloseable {
    static final Path NAGIOS_PLUGINS = Path.of("/usr/lib/nagios/plugins");
    /**
     * What each check must give here; OK when not listed. No mail system is installed on the test
     * machine, so mailq says so (UNKNOWN); check_dummy is told to warn.
     */
    static final Map<String, Status> EXPECTED = Map.of("check_dummy", Status.WARNING, "mailq", Status.UNKNOWN);
    /** Checks that measure nothing, so have no perfdata. */
    static final Set<String> NO_PERFDATA = Set.of("check_dummy");

    private final CheckTargets targets;

    BuiltinHost(Path dir) throws IOException {
        targets = new CheckTargets(dir);
    }

    /** The check list, indented to sit under a host's {@code checks:} key. */
    String checks() throws IOException {
        String template;
        try (InputStream in = BuiltinHost.class.getResourceAsStream("/builtin/checks.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return targets.fill(template).replace("@NAGIOS@", NAGIOS_PLUGINS.toString());
    }

    /** The built-in check names the config uses, read from the check list. */
    static Set<String> checkNamesIn(String yaml) {
        Set<String> used = new TreeSet<>();
        for (String line : yaml.split("\n")) {
            String l = line.strip();
            if (l.startsWith("- check: ")) {
                used.add(l.substring("- check: ".length()).split("\\s")[0]);
            }
        }
        return used;
    }

    @Override
    public void close() throws IOException {
        targets.close();
    }
}
