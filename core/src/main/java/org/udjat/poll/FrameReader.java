package org.udjat.poll;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;

/**
 * Reads what a {@link BatchScript} printed (see {@link ScriptText} for the frames) back into
 * one {@link CheckRun} per configured check.
 *
 * <p>Frame lines are recognised only by the cycle's secret token at the start of a line, so a
 * check that prints frame-like text cannot forge or hide a result. Frames are taken strictly
 * in id order; anything malformed or missing turns only the checks it affects into NOT_RUN with
 * a reason, and {@link #read} never throws. Stateless and thread-safe.
 */
public final class FrameReader {

    /** The reason for a check whose frame is present but unreadable or out of place. */
    public static final String MALFORMED = "malformed result frame";
    private static final int MAX_NOTE = 200;

    private final BatchScript script;
    private final byte[] out;
    private final byte[] lineMark;
    private final byte[] headerMark;
    private final List<BatchScript.Slot> framed;
    private final Map<Integer, CheckRun> runs = new HashMap<>();
    private Platform platform;
    private String uname = "";
    private String stopReason;
    /** where the next frame line starts, or -1 at the end */
    private int pos;
    /** index in {@link #framed} of the next check whose frame is expected */
    private int next;

    private FrameReader(BatchScript script, byte[] out) {
        this.script = script;
        this.out = out;
        this.lineMark = (script.token() + " ").getBytes(StandardCharsets.US_ASCII);
        this.headerMark = ("\n" + script.token() + " ").getBytes(StandardCharsets.US_ASCII);
        this.platform = script.platform();
        this.framed = script.slots().stream().filter(BatchScript.Slot::framed).toList();
    }

    /**
     * The runs of every configured check, in config order.
     *
     * @param script        the script that was run
     * @param stdout        everything it printed, possibly cut off
     * @param missingReason the reason given to checks for which no frame arrived, e.g.
     *                      {@code no result: exec cut off after 12s}
     */
    public static BatchResult read(BatchScript script, byte[] stdout, String missingReason) {
        return new FrameReader(script, stdout == null ? new byte[0] : stdout).readAll(missingReason);
    }

    private BatchResult readAll(String missingReason) {
        stopReason = missingReason;
        pos = headerAt(0);
        while (next < framed.size() && pos >= 0) {
            int eol = indexOf((byte) '\n', pos);
            if (eol < 0) {
                break; // cut off inside a frame line
            }
            String line = line(pos, eol);
            String[] f = line.split(" ", -1);
            switch (f[0]) {
                case "P" -> {
                    readPlatform(line);
                    pos = headerAt(eol + 1);
                }
                case "X" -> {
                    stopReason = "the host could not run the checks: " + printable(line.substring(1).strip());
                    pos = -1;
                }
                case "Z" -> {
                    stopReason = MALFORMED;
                    pos = -1;
                }
                case "V", "B" -> readFrame(f, eol);
                default -> pos = headerAt(eol + 1); // a stray line, e.g. a trailer whose header was bad
            }
        }
        List<CheckRun> result = new ArrayList<>();
        for (BatchScript.Slot slot : script.slots()) {
            String name = slot.spec().name();
            result.add(!slot.framed() ? CheckRun.notRun(name, slot.notRunReason())
                    : runs.getOrDefault(slot.id(), CheckRun.notRun(name, stopReason)));
        }
        return new BatchResult(platform, uname, result);
    }

    /** Takes a V or B frame for the next expected check, or skips it, or marks that check's frame missing. */
    private void readFrame(String[] f, int eol) {
        BatchScript.Slot slot = framed.get(next);
        int id = f.length == 2 ? id(f[1]) : -1;
        if (id < slot.id()) {
            pos = headerAt(eol + 1); // a stale, repeated or unreadable header: not ours to take
        } else if (id > slot.id()) {
            runs.put(slot.id(), CheckRun.notRun(slot.spec().name(), MALFORMED));
            next++; // this check's frame is missing; the same frame may be the next check's
        } else if (f[0].equals("V")) {
            runs.put(id, CheckRun.notRun(slot.spec().name(), ScriptText.noVariant(slot.spec().check(), platformLabel())));
            next++;
            pos = headerAt(eol + 1);
        } else if (readBody(slot, eol + 1)) {
            next++;
        }
    }

    /**
     * Reads the output and trailer of the B frame whose header line ends before {@code start}.
     * False when the stream was cut off before the trailer: the check then keeps the missing reason.
     */
    private boolean readBody(BatchScript.Slot slot, int start) {
        String name = slot.spec().name();
        int trailer = headerAt(start);
        int eol = trailer < 0 ? -1 : indexOf((byte) '\n', trailer);
        if (eol < 0) {
            pos = -1;
            return false;
        }
        String[] t = line(trailer, eol).split(" ", -1);
        if (trailer < start + 1 || !isTrailer(t, slot.id())) {
            runs.put(slot.id(), CheckRun.notRun(name, MALFORMED));
            pos = trailer;
            return true;
        }
        int end = trailer - 1; // the newline before the trailer is the trailer's own
        int cap = Math.max(0, slot.spec().outputCap());
        String text = new String(out, start, Math.min(end - start, cap), StandardCharsets.UTF_8);
        RawOutput raw = new RawOutput(text, Integer.parseInt(t[2]), end - start > cap);
        Duration took = duration(t[3], t[4]);
        runs.put(slot.id(), t[5].equals("T")
                ? new CheckRun(name, RunState.TIMED_OUT, raw, took, "timed out after " + slot.timeoutSeconds() + "s")
                : new CheckRun(name, RunState.COMPLETED, raw, took, ""));
        pos = headerAt(eol + 1);
        return true;
    }

    private static boolean isTrailer(String[] t, int id) {
        return t.length == 6 && t[0].equals("E") && id(t[1]) == id && t[2].matches("\\d{1,3}")
                && t[3].matches("-|\\d{1,12}(\\.\\d{1,9})?") && t[4].matches("-|\\d{1,12}(\\.\\d{1,9})?")
                && t[5].matches("[-T]");
    }

    private static Duration duration(String start, String end) {
        if (start.equals("-") || end.equals("-")) {
            return Duration.ZERO;
        }
        long ms = new BigDecimal(end).subtract(new BigDecimal(start)).movePointRight(3).longValue();
        return Duration.ofMillis(Math.max(0, ms));
    }

    private void readPlatform(String line) {
        if (!script.probesPlatform()) {
            return;
        }
        String[] f = line.split(" ", 3);
        platform = f.length > 1 ? Platform.fromKey(f[1]).orElse(null) : null;
        uname = f.length > 2 ? printable(f[2]) : "";
    }

    private String platformLabel() {
        if (platform != null) {
            return platform.key();
        }
        return uname.isEmpty() ? "unknown" : "unknown (uname -s says \"" + uname + "\")";
    }

    /** The line from after the token to the end, as Latin-1 so every byte maps to one char. */
    private String line(int pos, int eol) {
        int from = pos + lineMark.length;
        return new String(out, from, Math.max(0, eol - from), StandardCharsets.ISO_8859_1);
    }

    private static int id(String s) {
        return s.matches("[1-9]\\d{0,8}") ? Integer.parseInt(s) : -1;
    }

    private static String printable(String s) {
        String p = s.replaceAll("[^\\x20-\\x7e]", "?");
        return p.length() > MAX_NOTE ? p.substring(0, MAX_NOTE) + "..." : p;
    }

    /** The first position at or after {@code from} where a frame line starts, or -1. */
    private int headerAt(int from) {
        if (from == 0 && startsWith(0, lineMark)) {
            return 0;
        }
        int i = indexOf(headerMark, Math.max(0, from - 1));
        return i < 0 ? -1 : i + 1;
    }

    private boolean startsWith(int at, byte[] mark) {
        if (at + mark.length > out.length) {
            return false;
        }
        for (int j = 0; j < mark.length; j++) {
            if (out[at + j] != mark[j]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte[] mark, int from) {
        for (int i = from; i <= out.length - mark.length; i++) {
            if (out[i] == mark[0] && startsWith(i, mark)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < out.length; i++) {
            if (out[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
