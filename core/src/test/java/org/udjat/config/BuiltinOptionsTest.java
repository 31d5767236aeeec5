package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.udjat.api.Check;
import org.udjat.plugin.Plugins;

/**
 * The keys every check entry shares ({@code name}, {@code timeout}...) are read by the engine,
 * so a built-in check whose own option had one of those names could never receive it.
 */
class BuiltinOptionsTest {

    @Test
    void noBuiltinCheckOptionIsACommonKey() {
        List<String> clashes = new ArrayList<>();
        try (Plugins plugins = Plugins.load(null)) {
            Map<String, Check> checks = plugins.checks();
            assertTrue(checks.size() >= 17, "built-in checks found: " + checks.keySet());
            for (Check c : checks.values()) {
                c.optionNames().stream().filter(CheckReader.COMMON_KEYS::contains).forEach(k -> clashes.add(c.name() + "." + k));
            }
        }
        assertEquals(List.of(), clashes);
    }
}
