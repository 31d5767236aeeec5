package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.udjat.api.Check;

/** The built-in checks are found by PF4J through the index its annotation processor writes. */
class ExtensionIndexTest {

    @Test
    void pf4jFindsEveryBuiltInCheck(@TempDir Path plugins) {
        PluginManager pf4j = new DefaultPluginManager(plugins);
        List<String> names = pf4j.getExtensions(Check.class).stream().map(Check::name).sorted().toList();
        assertEquals(List.of("clock", "cpu", "data-freshness", "device-online", "disk", "fds", "file", "http", "inodes", "listening", "load", "mailq", "memory", "process", "service", "swap", "tcp", "uptime", "zombies"), names);
    }
}
