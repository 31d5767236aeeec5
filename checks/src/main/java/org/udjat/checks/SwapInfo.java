package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Text;

/**
 * Swap space, read from whichever platform's output the swap command printed: SwapTotal and
 * SwapFree of /proc/meminfo (Linux, BusyBox), {@code swapinfo -k} (FreeBSD), {@code swapctl -s -k}
 * (OpenBSD) or {@code sysctl vm.swapusage} (macOS). A host with no swap at all has a total of 0.
 *
 * @param total   swap space in bytes, 0 when none is configured
 * @param used    swap in use in bytes
 * @param devices one line per swap device where the platform lists them, for the long output
 */
record SwapInfo(double total, double used, List<String> devices) {
    private static final String NUMBER = "(\\d{1,15}(?:[.,]\\d{1,6})?)";
    /** {@code /dev/ada0p3  2097152  10240  2086912  0%}, with OpenBSD's priority column tolerated. */
    private static final Pattern SWAPINFO = Pattern.compile("(\\S+)\\s+(\\d{1,15})\\s+(\\d{1,15})\\s+(\\d{1,15})\\s+\\d{1,3}%(?:\\s+\\S+)?");
    private static final Pattern SWAPCTL = Pattern.compile(
            "total: (\\d{1,15})(?: 1K-blocks allocated, |k bytes allocated = )(\\d{1,15})k? used, (\\d{1,15})k? available");
    /** {@code total = 1024.00M  used = 377.25M  free = 646.75M}; the decimal mark may be a comma under a de_DE locale. */
    private static final Pattern SWAPUSAGE = Pattern.compile(
            "total = " + NUMBER + "([KMGT])\\s+used = " + NUMBER + "([KMGT])\\s+free = " + NUMBER + "([KMGT]).*");
    private static final String UNITS = "KMGT";

    SwapInfo {
        devices = List.copyOf(devices);
    }

    /** The usage of swap; used plus free is the total. */
    Usage usage() {
        double u = Math.min(Math.max(0, used), total);
        return new Usage(u, total - u, total);
    }

    /** Reads the output of the swap command of any platform; empty when it is none of them. */
    static Optional<SwapInfo> parse(List<String> lines) {
        SysctlValues sysctl = SysctlValues.parse(lines);
        Optional<String> swapusage = sysctl.text("vm.swapusage");
        if (swapusage.isPresent()) {
            return macos(swapusage.get());
        }
        Map<String, Long> kib = MemInfo.kib(lines);
        if (kib.containsKey("SwapTotal") && kib.containsKey("SwapFree")) {
            return Optional.of(new SwapInfo(kib.get("SwapTotal") * 1024.0, (kib.get("SwapTotal") - kib.get("SwapFree")) * 1024.0,
                    List.of()));
        }
        for (String line : lines) {
            Matcher m = line.length() <= RawOutput.MAX_LINE ? SWAPCTL.matcher(line.strip()) : null;
            if (m != null && m.matches()) {
                return Optional.of(new SwapInfo(Long.parseLong(m.group(1)) * 1024.0, Long.parseLong(m.group(2)) * 1024.0,
                        List.of()));
            }
            if (line.strip().equals("no swap devices configured")) {
                return Optional.of(new SwapInfo(0, 0, List.of()));
            }
        }
        return swapinfo(lines);
    }

    /** What the parser looked for, for the UNKNOWN summary. */
    static String expected() {
        return "the swap figures (SwapTotal/SwapFree, swapinfo, swapctl or vm.swapusage)";
    }

    /** FreeBSD's swapinfo: the device lines are summed; a header alone means no swap. */
    private static Optional<SwapInfo> swapinfo(List<String> lines) {
        boolean header = false;
        double total = 0;
        double used = 0;
        List<String> devices = new ArrayList<>();
        for (String line : lines) {
            String s = line.strip();
            Matcher m = line.length() <= RawOutput.MAX_LINE ? SWAPINFO.matcher(s) : null;
            if (s.startsWith("Device") && s.contains("1K-blocks")) {
                header = true;
            } else if (m != null && m.matches() && !m.group(1).equals("Total")) {
                double size = Long.parseLong(m.group(2)) * 1024.0;
                double inUse = Long.parseLong(m.group(3)) * 1024.0;
                total += size;
                used += inUse;
                devices.add(Text.printable(m.group(1)) + ": " + Quantity.SIZE.format(inUse) + " used of "
                        + Quantity.SIZE.format(size));
            }
        }
        return header ? Optional.of(new SwapInfo(total, used, devices.size() > 1 ? devices : List.of())) : Optional.empty();
    }

    private static Optional<SwapInfo> macos(String value) {
        Matcher m = SWAPUSAGE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SwapInfo(bytes(m.group(1), m.group(2)), bytes(m.group(3), m.group(4)), List.of()));
    }

    /** {@code 377.25} and {@code M} in bytes; sysctl prints two decimals and no grouping, so a comma is a decimal mark. */
    private static double bytes(String number, String unit) {
        return Double.parseDouble(number.replace(',', '.')) * Math.pow(1024, UNITS.indexOf(unit) + 1);
    }
}
