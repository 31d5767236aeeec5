package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pf4j.DefaultPluginManager;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

/**
 * Check output is untrusted: every built-in parser gets every recorded output of every other
 * check, cut in half, with failing exit codes, and random bytes. It must always give a result
 * that names the check, never throw, and never measure values out of text it could not read
 * (an UNKNOWN result carries no perfdata).
 */
class ParserRobustnessTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources");
    private static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");

    static Stream<Check> checks() {
        return new DefaultPluginManager(Path.of("target", "no-plugins")).getExtensions(Check.class).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void everyOutputOfEveryCheckGivesAResultAndNeverAnException(Check check) throws IOException {
        Settings options = SampleOptions.of(check.name());
        assertEquals(List.of(), check.validate(options));
        List<String> wrong = new ArrayList<>();
        String prefix = check.name().toUpperCase(Locale.ROOT);
        for (RawOutput raw : outputs()) {
            CheckOutcome o;
            try {
                o = check.parse(raw, options);
            } catch (RuntimeException e) {
                wrong.add("threw " + e + " on: " + head(raw));
                continue;
            }
            if (o == null || o.status() == null) {
                wrong.add("no result on: " + head(raw));
            } else if (!o.summary().startsWith(prefix + " ") && !o.summary().startsWith(prefix + "_")) {
                wrong.add("summary \"" + o.summary() + "\" does not name the check, on: " + head(raw));
            } else if (o.status() == Status.UNKNOWN && !o.perfData().isEmpty()) {
                wrong.add("UNKNOWN with perfdata " + o.perfData() + " on: " + head(raw));
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " problems, first: " + wrong.stream().limit(5).toList());
    }

    /** Every recorded output as recorded, cut in half, with exit codes 1 and 127; and noise. */
    private static List<RawOutput> outputs() throws IOException {
        List<RawOutput> outputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")).sorted().toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                outputs.add(new RawOutput(text, 0, false).polledBetween(T0, T0.plusSeconds(1)));
                outputs.add(new RawOutput(text.substring(0, text.length() / 2), 0, true));
                outputs.add(new RawOutput(text, 1, false));
                outputs.add(new RawOutput(text, 127, false));
            }
        }
        assertTrue(outputs.size() > 1000, "fixtures found: " + outputs.size() / 4);
        Random random = new Random(20261201);
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[random.nextInt(4096)];
            random.nextBytes(noise);
            outputs.add(new RawOutput(new String(noise, StandardCharsets.UTF_8), random.nextInt(256), random.nextBoolean()));
        }
        for (String odd : List.of("", "\n", "\0\0\0", "-1", "9".repeat(400), "NaN", "Infinity", "1e309", "-0",
                "\u202e\u200b", "a:b:c\n" + "x ".repeat(5000))) {
            outputs.add(new RawOutput(odd, 0, false));
        }
        return outputs;
    }

    private static String head(RawOutput raw) {
        String t = raw.text();
        return "[rc " + raw.exitCode() + (raw.truncated() ? ", cut" : "") + "] " + (t.length() > 120 ? t.substring(0, 120) + "…" : t);
    }
}
