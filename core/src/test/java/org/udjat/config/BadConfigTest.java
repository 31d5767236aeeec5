package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code config/bad/NAME.yaml} must be rejected with exactly the lines of {@code NAME.expected}
 * (the file shown by its name only, so the expectations do not depend on where the checkout is).
 */
class BadConfigTest {
    static final Path BAD = Path.of("src/test/resources/config/bad");
    static final Map<String, String> ENV = Map.of("UDJAT_TEST_PASSPHRASE", "hunter2");

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            assertTrue(names.size() >= 20, "fixtures found: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rejectsWithExactlyTheExpectedMessages(String name) throws IOException {
        Path yaml = BAD.resolve(name + ".yaml").toAbsolutePath();
        List<String> expected = Files.readAllLines(BAD.resolve(name + ".expected")).stream()
                .filter(l -> !l.isBlank()).toList();
        ConfigLoader loader = new ConfigLoader(TestChecks.standard(), ENV, "tester", Path.of("/home/tester"));

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(yaml));

        List<String> actual = e.errors().stream()
                .map(err -> new ConfigError(name + ".yaml", err.line(), err.column(), err.path(), err.message()).format())
                .toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        assertEquals(e.errors().stream().map(ConfigError::format).toList(), List.of(e.getMessage().split("\n")));
    }
}
