package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The output of a device check's command, in tagged sections: the host's {@code date +%s}, then
 * {@code udjat-device-connections} with the socket tool's listing and its exit line, then
 * {@code udjat-device-online} with the online list as the gateway printed it and its exit line,
 * then (data-freshness) one {@code udjat-device-data ID} block per candidate device with its
 * exit line. Each section is read up to the first exit line after its start, so nothing a
 * section holds can pass for an earlier one. Pure.
 *
 * @param hostTime    the host's clock in seconds since the epoch, when it printed it
 * @param connections the lines of the connection listing; empty when there was no such section
 * @param connExit    the exit status of the connection listing, empty when the section was not complete
 * @param online      the online list's text, empty when the section is missing
 * @param onlineExit  the exit status of the online source, empty when the section was not complete
 * @param data        the candidate devices' blocks
 */
record DeviceReport(OptionalLong hostTime, List<String> connections, Optional<Integer> connExit, Optional<String> online,
        Optional<Integer> onlineExit, List<Block> data) {
    static final String CONNECTIONS = "udjat-device-connections";
    static final String ONLINE = "udjat-device-online";
    static final String DATA = "udjat-device-data";
    static final String EXIT = "-exit ";

    /** One device's data as the data source printed it. @param exit empty when the block was cut */
    record Block(String id, String text, Optional<Integer> exit) {
    }

    static DeviceReport parse(String text) {
        String t = text.replace("\r\n", "\n");
        OptionalLong hostTime = OptionalLong.empty();
        int nl = t.indexOf('\n');
        String first = (nl < 0 ? t : t.substring(0, nl)).strip();
        if (first.matches("[0-9]{1,12}")) {
            hostTime = OptionalLong.of(Long.parseLong(first));
        }
        Section conn = section(t, CONNECTIONS, 0);
        Section online = section(t, ONLINE, conn.end());
        List<Block> data = new ArrayList<>();
        int at = Math.max(conn.end(), online.end());
        while (true) {
            int start = t.indexOf("\n" + DATA + " ", at);
            if (start < 0) {
                break;
            }
            int eol = t.indexOf('\n', start + 1);
            if (eol < 0) {
                break;
            }
            String id = t.substring(start + DATA.length() + 2, eol).strip();
            Section s = section(t, DATA, start);
            data.add(new Block(id, s.body().orElse(""), s.exit()));
            if (s.exit().isEmpty()) {
                break;
            }
            at = s.end();
        }
        List<String> lines = conn.body().map(b -> b.lines().toList()).orElse(List.of());
        return new DeviceReport(hostTime, lines, conn.exit(), online.body(), online.exit(), data);
    }

    private record Section(Optional<String> body, Optional<Integer> exit, int end) {
    }

    /** The section whose start line begins with the tag, from {@code from}; its body ends at its exit line. */
    private static Section section(String t, String tag, int from) {
        int start = t.startsWith(tag) && from == 0 ? 0 : t.indexOf("\n" + tag, from);
        if (start < 0) {
            return new Section(Optional.empty(), Optional.empty(), from);
        }
        int bodyStart = t.indexOf('\n', start + 1);
        if (bodyStart < 0) {
            return new Section(Optional.of(""), Optional.empty(), t.length());
        }
        bodyStart++;
        String exitTag = tag + EXIT;
        int exit = bodyStart;
        while (true) {
            exit = t.indexOf(exitTag, exit);
            if (exit < 0) {
                return new Section(Optional.of(t.substring(bodyStart)), Optional.empty(), t.length());
            }
            if (exit == bodyStart || t.charAt(exit - 1) == '\n') {
                break;
            }
            exit++;
        }
        int eol = t.indexOf('\n', exit);
        String code = t.substring(exit + exitTag.length(), eol < 0 ? t.length() : eol).strip();
        // the fetch ends with an echo so the exit line starts a line: drop that one newline again
        String body = t.substring(bodyStart, exit);
        Optional<Integer> status = code.matches("[0-9]{1,3}") && eol >= 0 ? Optional.of(Integer.parseInt(code)) : Optional.empty();
        return new Section(Optional.of(body), status, eol < 0 ? t.length() : eol);
    }
}
