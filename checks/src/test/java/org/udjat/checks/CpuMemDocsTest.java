package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.Check;
import org.udjat.api.Platform;
import org.udjat.api.Settings;

/** The README row at the top of each check's doc names the commands the check really runs. */
class CpuMemDocsTest {
    private static final Pattern ROW = Pattern.compile("<!-- row: \\| `(\\w+)` \\|(.*)\\| -->");
    private static final Pattern CELL = Pattern.compile("`([^`]*)`");

    static List<Check> checks() {
        return List.of(new MemoryCheck(), new SwapCheck(), new CpuCheck());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void docRowMatchesTheCommands(Check check) throws IOException {
        String first = Files.readAllLines(Path.of("doc", check.name() + ".md")).get(0);
        Matcher row = ROW.matcher(first);
        assertTrue(row.matches(), first);
        assertEquals(check.name(), row.group(1));
        List<String> documented = new ArrayList<>();
        for (String cell : row.group(2).split("\\|")) {
            Matcher m = CELL.matcher(cell.strip());
            assertTrue(m.matches(), cell);
            documented.add(m.group(1));
        }
        List<String> actual = new ArrayList<>();
        for (Platform p : List.of(Platform.LINUX, Platform.BUSYBOX, Platform.FREEBSD, Platform.OPENBSD, Platform.MACOS)) {
            actual.add(check.command(p, Settings.empty()).orElseThrow());
        }
        assertEquals(actual, documented);
    }
}
