package org.udjat.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;

/**
 * The lines of {@code sysctl name...} output, by name: FreeBSD and macOS print {@code name: value},
 * OpenBSD {@code name=value}. Asking with names rather than {@code -n} keeps each value tied to its
 * name, so a missing OID (FreeBSD's {@code sysctl: unknown oid 'vm.stats.vm.v_cache_count'}) leaves
 * a gap instead of shifting every later value by one line.
 * Lines of any other form, such as sysctl's complaints, are skipped.
 *
 * @param values the value of each name, as printed; the first line for a name wins
 */
record SysctlValues(Map<String, String> values) {
    private static final Pattern LINE = Pattern.compile("([a-z][\\w-]*(?:\\.[\\w-]+)+)(?:: |=)(.*)");
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");

    SysctlValues {
        values = Map.copyOf(values);
    }

    /** Reads the lines; never throws. */
    static SysctlValues parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = line.length() <= RawOutput.MAX_LINE ? LINE.matcher(line.strip()) : null;
            if (m != null && m.matches()) {
                values.putIfAbsent(m.group(1), m.group(2).strip());
            }
        }
        return new SysctlValues(values);
    }

    /** The value printed for a name, if any. */
    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of a name as a non-negative whole number; empty when absent or not a plain number. */
    OptionalLong count(String name) {
        String v = values.get(name);
        return v != null && COUNT.matcher(v).matches() ? OptionalLong.of(Long.parseLong(v)) : OptionalLong.empty();
    }

    /** True when any name starts with the prefix, e.g. to recognise whose output this is. */
    boolean hasPrefix(String prefix) {
        return values.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }
}
