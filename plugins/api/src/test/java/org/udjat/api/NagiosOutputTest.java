package org.udjat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NagiosOutputTest {

    @ParameterizedTest(name = "exit {0} -> {1}")
    @CsvSource({"0, OK", "1, WARNING", "2, CRITICAL", "3, UNKNOWN", "4, UNKNOWN", "126, UNKNOWN", "255, UNKNOWN", "-1, UNKNOWN"})
    void exitCodeGivesStatus(int exitCode, Status expected) {
        assertEquals(expected, NagiosOutput.parse(new RawOutput("DISK OK", exitCode, false)).status());
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                // output, summary, long output, perfdata rendered as [label]=value unit;warn;crit;min;max
                Arguments.of("", "(no output)", "", ""),
                Arguments.of("  \n\n", "(no output)", "", ""),
                Arguments.of("OK - all fine", "OK - all fine", "", ""),
                Arguments.of("OK - all fine\n", "OK - all fine", "", ""),
                Arguments.of("OK\r\nsecond line\r\n", "OK", "second line", ""),
                Arguments.of("|a=1", "(no summary)", "", "[a]=1;;;;"),
                Arguments.of("LOAD OK | load1=0.5;1;2;0; load5=0.25;;;0",
                        "LOAD OK", "", "[load1]=0.5;1;2;0; [load5]=0.25;;;0;"),
                Arguments.of("DISK OK | '/var log'=45%;80;90;0;100",
                        "DISK OK", "", "[/var log]=45%;80;90;0;100"),
                Arguments.of("X | 'it''s'=1c 'a''''b'=2", "X", "", "[it's]=1c;;;; [a''b]=2;;;;"),
                Arguments.of("X | t=U;1;2", "X", "", "[t]=U;1;2;;"),
                Arguments.of("X | t=-1.5e3ms;~:10;@5:8;-1E2;+3", "X", "", "[t]=-1500ms;~:10;@5:8;-100;3"),
                Arguments.of("X | t=0,75s;0,5;1,5;0;", "X", "", "[t]=0.75s;0.5;1.5;0;"),
                Arguments.of("X | t=.5 u=5. v=12KiB", "X", "", "[t]=0.5;;;; [u]=5;;;; [v]=12KiB;;;;"),
                Arguments.of("X | t=1;;;;;;", "X", "", "[t]=1;;;;"),
                Arguments.of("X |\ta=1\t\tb=2 ", "X", "", "[a]=1;;;; [b]=2;;;;"),
                Arguments.of("X | a=1=2", "X", "ignored malformed perfdata: \"a=1=2\"", ""),
                // multi-line format: perfdata continues after the '|' in the long output
                Arguments.of("DISK OK - free space: / 3326 MB | /=2643MB;5948;5958;0;5968\n"
                                + "/ 15272 MB (77%);\n/boot 68 MB (69%);\n"
                                + "/home 69357 MB (27%);| /boot=68MB;88;93;0;98\n/home=69357MB;253404;253409;0;253414",
                        "DISK OK - free space: / 3326 MB",
                        "/ 15272 MB (77%);\n/boot 68 MB (69%);\n/home 69357 MB (27%);",
                        "[/]=2643MB;5948;5958;0;5968 [/boot]=68MB;88;93;0;98 [/home]=69357MB;253404;253409;0;253414"),
                Arguments.of("OK\nonly long text\nmore", "OK", "only long text\nmore", ""),
                Arguments.of("a|b|c=1", "a", "", "[b|c]=1;;;;"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("texts")
    void readsSummaryLongOutputAndPerfData(String output, String summary, String longOutput, String perf) {
        CheckOutcome outcome = NagiosOutput.parse(new RawOutput(output, 0, false));
        assertEquals(summary, outcome.summary());
        assertEquals(longOutput, outcome.longOutput());
        assertEquals(perf, render(outcome.perfData()));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // perfdata, the items that survive, the items named as ignored
                Arguments.of("x==", "", List.of("x==")),
                Arguments.of("=5", "", List.of("=5")),
                Arguments.of("novalue", "", List.of("novalue")),
                Arguments.of("a= b=2", "[b]=2;;;;", List.of("a=")),
                Arguments.of("a=abc b=1", "[b]=1;;;;", List.of("a=abc")),
                Arguments.of("a=1;x;2 b=1", "[b]=1;;;;", List.of("a=1;x;2")),
                Arguments.of("a=1;20:10", "", List.of("a=1;20:10")),
                Arguments.of("a=1;;;zero", "", List.of("a=1;;;zero")),
                Arguments.of("a=1;2;3;4;5;6", "", List.of("a=1;2;3;4;5;6")),
                Arguments.of("a=NaN b=Infinity c=1e999 d=0x10", "", List.of("a=NaN", "b=Infinity", "c=1e999", "d=0x10")),
                Arguments.of("'unclosed=1 b=2", "[b]=2;;;;", List.of("'unclosed=1")),
                Arguments.of("'a b' =1 c=3", "[c]=3;;;;", List.of("'a b'", "=1")),
                Arguments.of("''=1", "", List.of("''=1")),
                Arguments.of("a=5=5", "", List.of("a=5=5")));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("malformed")
    void skipsMalformedPerfDataAndSaysSo(String perf, String kept, List<String> ignored) {
        CheckOutcome outcome = NagiosOutput.parse(new RawOutput("CHECK OK | " + perf + "\nlong", 0, false));
        assertEquals("CHECK OK", outcome.summary());
        assertEquals(kept, render(outcome.perfData()));
        String notes = ignored.stream().map(i -> "ignored malformed perfdata: \"" + i + "\"").collect(Collectors.joining("\n"));
        assertEquals("long\n" + notes, outcome.longOutput());
    }

    @Test
    void truncatedOutputGetsANote() {
        CheckOutcome outcome = NagiosOutput.parse(new RawOutput("OK | a=1\nline", 0, true));
        assertEquals("OK", outcome.summary());
        assertTrue(outcome.longOutput().startsWith("line\n(output truncated"), outcome.longOutput());
        assertEquals("[a]=1;;;;", render(outcome.perfData()));
    }

    @Test
    void truncatedEmptyOutputStillSaysNoOutput() {
        CheckOutcome outcome = NagiosOutput.parse(new RawOutput("", 2, true));
        assertEquals(Status.CRITICAL, outcome.status());
        assertEquals("(no output)", outcome.summary());
        assertTrue(outcome.longOutput().startsWith("(output truncated"), outcome.longOutput());
    }

    @Test
    void keepsCounterUnitAndRangesAsWritten() {
        PerfDatum d = NagiosOutput.parse(new RawOutput("OK | 'bytes in'=123c;@10:20;~:5", 0, false)).perfData().get(0);
        assertEquals("bytes in", d.label());
        assertTrue(d.isCounter());
        assertTrue(d.warn().inside());
        assertEquals(Double.NEGATIVE_INFINITY, d.crit().start());
        assertEquals(5.0, d.crit().end());
    }

    private static String render(List<PerfDatum> data) {
        return data.stream().map(NagiosOutputTest::render).collect(Collectors.joining(" "));
    }

    private static String render(PerfDatum d) {
        return "[" + d.label() + "]=" + num(d.value()) + d.unit() + ";" + (d.warn() == null ? "" : d.warn().text())
                + ";" + (d.crit() == null ? "" : d.crit().text()) + ";" + (d.min() == null ? "" : num(d.min()))
                + ";" + (d.max() == null ? "" : num(d.max()));
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "U";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
