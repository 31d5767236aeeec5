package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pf4j.DefaultPluginManager;
import org.udjat.api.Check;
import org.udjat.api.Platform;
import org.udjat.api.Settings;

/**
 * The checks × platforms table in checks/README.md and the row at the top of each check's page
 * say what the code does: every built-in check has a row and a page; a cell is {@code -} exactly
 * when the check has no variant for that platform; a cell that is one code span names what the
 * command runs.
 */
class ChecksTableTest {
    private static final List<Platform> COLUMNS = List.of(Platform.LINUX, Platform.BUSYBOX, Platform.FREEBSD,
            Platform.OPENBSD, Platform.MACOS);
    private static final Pattern ROW = Pattern.compile("\\| `([a-z][a-z-]*)` \\|(.*)\\|");
    private static final Pattern ONE_SPAN = Pattern.compile("`([^`]*)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("NAME|HOST|PATH|URL");

    static Map<String, Check> builtins;

    @BeforeAll
    static void findBuiltins() {
        DefaultPluginManager pf4j = new DefaultPluginManager(Path.of("target", "no-plugins"));
        builtins = new LinkedHashMap<>();
        for (Check c : pf4j.getExtensions(Check.class)) {
            builtins.put(c.name(), c);
        }
        assertTrue(builtins.size() >= 17, builtins.keySet().toString());
    }

    @Test
    void readmeTableHasARowPerBuiltinThatMatchesTheCode() throws IOException {
        Map<String, List<String>> rows = rows(Files.readAllLines(Path.of("README.md")));
        assertEquals(new TreeSet<>(builtins.keySet()), new TreeSet<>(rows.keySet()));
        List<String> wrong = new ArrayList<>();
        rows.forEach((name, cells) -> wrong.addAll(compare(builtins.get(name), cells)));
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyCheckPageStartsWithItsReadmeRow() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        for (String name : builtins.keySet()) {
            String first = Files.readAllLines(Path.of("doc", name + ".md")).get(0);
            String row = first.replaceFirst("^<!-- row: ", "").replaceFirst(" -->$", "");
            assertTrue(readme.contains(row), name + ": README lacks the row of doc/" + name + ".md: " + row);
            assertTrue(Files.readString(Path.of("doc", name + ".md")).contains("# `" + name + "`"), name);
        }
    }

    private static Map<String, List<String>> rows(List<String> lines) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith("| check | linux | busybox | freebsd | openbsd | macos |")) {
                inTable = true;
                continue;
            }
            if (inTable && line.isBlank()) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (inTable && m.matches()) {
                rows.put(m.group(1), List.of(m.group(2).replace("\\|", "\u0000").split("\\|")).stream()
                        .map(c -> c.replace("\u0000", "|").strip()).toList());
            }
        }
        return rows;
    }

    /**
     * True when the command runs, in this order, every word the cell shows; placeholders
     * ({@code NAME}, {@code <tmp>}, {@code …}) stand for what the command computes and are skipped.
     * A cell that is the whole command passes, and so does a short form like
     * {@code service NAME onestatus} of a longer script, but not a tool or flag the code does not use.
     */
    private static boolean namesWhatRuns(String cell, String command) {
        int at = 0;
        for (String word : cell.split("\\s+")) {
            if (word.contains("<") || word.contains("…") || PLACEHOLDER.matcher(word).find()) {
                continue;
            }
            int found = command.indexOf(word, at);
            if (found < 0) {
                return false;
            }
            at = found + word.length();
        }
        return true;
    }

    private static List<String> compare(Check check, List<String> cells) {
        List<String> wrong = new ArrayList<>();
        if (cells.size() != COLUMNS.size()) {
            return List.of(check.name() + ": " + cells.size() + " cells");
        }
        Settings sample = SampleOptions.of(check.name());
        for (int i = 0; i < COLUMNS.size(); i++) {
            Platform p = COLUMNS.get(i);
            String cell = cells.get(i);
            Optional<String> command = check.command(p, sample);
            if (cell.equals("-") != command.isEmpty()) {
                wrong.add(check.name() + " on " + p.key() + ": table says \"" + cell + "\", code has "
                        + command.map(c -> "a command").orElse("no variant"));
                continue;
            }
            Matcher span = ONE_SPAN.matcher(cell);
            if (command.isPresent() && span.matches() && !namesWhatRuns(span.group(1), command.get())) {
                wrong.add(check.name() + " on " + p.key() + ": table says `" + span.group(1) + "`, code runs `" + command.get() + "`");
            }
        }
        return wrong;
    }
}
