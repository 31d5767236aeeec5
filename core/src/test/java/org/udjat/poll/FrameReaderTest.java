package org.udjat.poll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.Check;
import org.udjat.api.Platform;

class FrameReaderTest {

    private static final String R = "0123456789abcdef0123456789abcdef";
    private static final String FAKE = "0123456789abcdef0123456789abcdee";
    private static final String CUT = "no result: exec cut off after 12s";
    private static final ScriptWriter WRITER = new ScriptWriter(Map.<String, Check>of(
            "fb", new ScriptedCheck("fb", Map.of(Platform.FREEBSD, "sysctl -n vm.loadavg"))));
    private static final BatchScript THREE = WRITER.write(List.of(Specs.command("a", "x"), Specs.command("b", "y"),
            Specs.command("c", "z", 5, 10)), Platform.LINUX, R);

    static String frame(int id, String body, int rc) {
        return R + " B " + id + "\n" + body + "\n" + R + " E " + id + " " + rc + " 1234.50 1235.75 -\n";
    }

    private static List<CheckRun> read(String stdout) {
        return FrameReader.read(THREE, stdout.getBytes(StandardCharsets.UTF_8), CUT).runs();
    }

    /** Each run as state:exit:text or state:reason, for compact expectations. */
    private static List<String> summary(List<CheckRun> runs) {
        return runs.stream().map(r -> r.state() == RunState.NOT_RUN ? "NOT_RUN:" + r.reason()
                : r.state() + ":" + r.raw().exitCode() + ":" + r.raw().text()).toList();
    }

    static Stream<Arguments> streams() {
        String ok = frame(1, "one", 0) + frame(2, "two\n", 1) + frame(3, "", 2);
        return Stream.of(
                Arguments.of("all three", ok + R + " Z\n",
                        List.of("COMPLETED:0:one", "COMPLETED:1:two\n", "COMPLETED:2:")),
                Arguments.of("login banner before the first frame", "Welcome to host!\n\nlast login\n" + ok,
                        List.of("COMPLETED:0:one", "COMPLETED:1:two\n", "COMPLETED:2:")),
                Arguments.of("nothing at all", "",
                        List.of("NOT_RUN:" + CUT, "NOT_RUN:" + CUT, "NOT_RUN:" + CUT)),
                Arguments.of("only garbage", "\u0000\u00ff garbage\n" + FAKE + " B 1\n",
                        List.of("NOT_RUN:" + CUT, "NOT_RUN:" + CUT, "NOT_RUN:" + CUT)),
                Arguments.of("cut inside the second output", frame(1, "one", 0) + R + " B 2\npartial out",
                        List.of("COMPLETED:0:one", "NOT_RUN:" + CUT, "NOT_RUN:" + CUT)),
                Arguments.of("cut inside a trailer line", frame(1, "one", 0) + R + " B 2\nout\n" + R + " E 2 0 1.00",
                        List.of("COMPLETED:0:one", "NOT_RUN:" + CUT, "NOT_RUN:" + CUT)),
                Arguments.of("cut inside a header line", frame(1, "one", 0) + R + " B",
                        List.of("COMPLETED:0:one", "NOT_RUN:" + CUT, "NOT_RUN:" + CUT)),
                Arguments.of("forged frames with a guessed token stay output",
                        frame(1, "a\n" + FAKE + " E 1 0 1 2 -\n" + FAKE + " B 2\nCRITICAL\n" + FAKE + " E 2 2 1 2 -", 0)
                                + frame(2, "two", 0) + frame(3, "three", 0),
                        List.of("COMPLETED:0:a\n" + FAKE + " E 1 0 1 2 -\n" + FAKE + " B 2\nCRITICAL\n" + FAKE + " E 2 2 1 2 -",
                                "COMPLETED:0:two", "COMPLETED:0:three")),
                Arguments.of("frame-like text mid-line is output",
                        frame(1, "x " + R + " E 1 0 1 2 -", 0) + frame(2, "two", 0) + frame(3, "", 0),
                        List.of("COMPLETED:0:x " + R + " E 1 0 1 2 -", "COMPLETED:0:two", "COMPLETED:0:")),
                Arguments.of("a missing frame affects only its check", frame(1, "one", 0) + frame(3, "three", 0),
                        List.of("COMPLETED:0:one", "NOT_RUN:" + FrameReader.MALFORMED, "COMPLETED:0:three")),
                Arguments.of("a repeated frame is not taken twice", frame(1, "one", 0) + frame(1, "again", 2)
                                + frame(2, "two", 0) + frame(3, "", 0),
                        List.of("COMPLETED:0:one", "COMPLETED:0:two", "COMPLETED:0:")),
                Arguments.of("a bad trailer affects only its check", frame(1, "one", 0)
                                + R + " B 2\ntwo\n" + R + " E 2 zero 1 2 -\n" + frame(3, "three", 0),
                        List.of("COMPLETED:0:one", "NOT_RUN:" + FrameReader.MALFORMED, "COMPLETED:0:three")),
                Arguments.of("a trailer with the wrong id", R + " B 1\none\n" + R + " E 2 0 1 2 -\n" + frame(2, "two", 0) + frame(3, "", 0),
                        List.of("NOT_RUN:" + FrameReader.MALFORMED, "COMPLETED:0:two", "COMPLETED:0:")),
                Arguments.of("a header without the trailer's newline", R + " B 1\n" + R + " E 1 0 1 2 -\n" + frame(2, "two", 0),
                        List.of("NOT_RUN:" + FrameReader.MALFORMED, "COMPLETED:0:two", "NOT_RUN:" + CUT)),
                Arguments.of("an unreadable header", R + " B one\nx\n" + R + " E 1 0 1 2 -\n" + frame(2, "two", 0) + frame(3, "", 0),
                        List.of("NOT_RUN:" + FrameReader.MALFORMED, "COMPLETED:0:two", "COMPLETED:0:")),
                Arguments.of("the end marker before all frames", frame(1, "one", 0) + R + " Z\n",
                        List.of("COMPLETED:0:one", "NOT_RUN:" + FrameReader.MALFORMED, "NOT_RUN:" + FrameReader.MALFORMED)),
                Arguments.of("no temporary directory", R + " X cannot create a temporary directory in /tmp\n",
                        List.of("NOT_RUN:the host could not run the checks: cannot create a temporary directory in /tmp",
                                "NOT_RUN:the host could not run the checks: cannot create a temporary directory in /tmp",
                                "NOT_RUN:the host could not run the checks: cannot create a temporary directory in /tmp")),
                Arguments.of("exit code 255", frame(1, "", 255) + frame(2, "", 3) + frame(3, "", 0),
                        List.of("COMPLETED:255:", "COMPLETED:3:", "COMPLETED:0:")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void readsWhatItCanAndNamesTheRest(String name, String stdout, List<String> expected) {
        assertEquals(expected, summary(read(stdout)));
    }

    @Test
    void keepsNamesAndConfigOrder() {
        List<CheckRun> runs = read(frame(1, "", 0) + frame(2, "", 0) + frame(3, "", 0));
        assertEquals(List.of("a", "b", "c"), runs.stream().map(CheckRun::check).toList());
    }

    @Test
    void measuresDurationFromTheHostClock() {
        CheckRun run = read(frame(1, "one", 0)).get(0);
        assertEquals(Duration.ofMillis(1250), run.duration());
        String dateClock = R + " B 1\n\n" + R + " E 1 0 1700000000 1700000003 -\n";
        assertEquals(Duration.ofSeconds(3), read(dateClock).get(0).duration());
        String noClock = R + " B 1\n\n" + R + " E 1 0 - - -\n";
        assertEquals(Duration.ZERO, read(noClock).get(0).duration());
    }

    @Test
    void timedOutChecksKeepTheirPartialOutput() {
        CheckRun run = read(R + " B 1\nstarted\n\n" + R + " E 1 143 10.00 11.02 T\n").get(0);
        assertEquals(RunState.TIMED_OUT, run.state());
        assertEquals("timed out after 5s", run.reason());
        assertEquals("started\n", run.raw().text());
    }

    @Test
    void outputBeyondTheCapIsCutAndFlagged() {
        // check c has a 10-byte cap
        List<CheckRun> runs = read(frame(1, "", 0) + frame(2, "", 0) + frame(3, "0123456789A", 0));
        assertEquals("0123456789", runs.get(2).raw().text());
        assertTrue(runs.get(2).raw().truncated());
        List<CheckRun> exact = read(frame(1, "", 0) + frame(2, "", 0) + frame(3, "0123456789", 0));
        assertFalse(exact.get(2).raw().truncated());
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((R + " B 1\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 'o', 'k'});
        out.writeBytes(("\n" + R + " E 1 0 1 2 -\n").getBytes(StandardCharsets.US_ASCII));
        CheckRun run = FrameReader.read(THREE, out.toByteArray(), CUT).runs().get(0);
        assertEquals("\ufffd\ufffdok", run.raw().text());
    }

    @Test
    void probedPlatformIsReportedAndUsedForNoVariantReasons() {
        BatchScript script = WRITER.write(List.of(Specs.extension("load", "fb"), Specs.command("b", "y")), null, R);
        String stdout = R + " P linux Linux\n" + R + " V 1\n" + frame(2, "two", 0);
        BatchResult result = FrameReader.read(script, stdout.getBytes(StandardCharsets.UTF_8), CUT);
        assertEquals(Platform.LINUX, result.platform());
        assertEquals("Linux", result.uname());
        assertEquals(List.of("NOT_RUN:check fb has no variant for platform linux", "COMPLETED:0:two"), summary(result.runs()));
    }

    @Test
    void unknownPlatformNamesWhatUnameSaid() {
        BatchScript script = WRITER.write(List.of(Specs.extension("load", "fb")), null, R);
        String stdout = R + " P unknown SunOS\n" + R + " V 1\n";
        BatchResult result = FrameReader.read(script, stdout.getBytes(StandardCharsets.UTF_8), CUT);
        assertNull(result.platform());
        assertEquals("check fb has no variant for platform unknown (uname -s says \"SunOS\")", result.runs().get(0).reason());
    }

    @Test
    void configuredPlatformWinsOverAnyMetaFrame() {
        BatchResult result = FrameReader.read(THREE, (R + " P busybox Linux\n").getBytes(StandardCharsets.UTF_8), CUT);
        assertEquals(Platform.LINUX, result.platform());
    }

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(42);
        byte[] token = (R + " ").getBytes(StandardCharsets.US_ASCII);
        String[] pieces = {"B 1\n", "B 2\n", "B 3\n", "E 1 0 1 2 -\n", "E 2 0 - - T\n", "E 3 7 1 2 -\n", "V 2\n", "P x\n", "X\n", "Z\n", "\n"};
        for (int i = 0; i < 2000; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int j = random.nextInt(12); j > 0; j--) {
                if (random.nextBoolean()) {
                    out.writeBytes(token);
                    out.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.US_ASCII));
                } else {
                    byte[] junk = new byte[random.nextInt(20)];
                    random.nextBytes(junk);
                    out.writeBytes(junk);
                }
            }
            List<CheckRun> runs = FrameReader.read(THREE, out.toByteArray(), CUT).runs();
            assertEquals(3, runs.size());
        }
    }

    @Test
    void bodyBytesAreKeptExactly() {
        byte[] body = "line1\r\nline2\n\n".getBytes(StandardCharsets.UTF_8);
        CheckRun run = read(frame(1, new String(body, StandardCharsets.UTF_8), 0)).get(0);
        assertArrayEquals(body, run.raw().text().getBytes(StandardCharsets.UTF_8));
    }
}
