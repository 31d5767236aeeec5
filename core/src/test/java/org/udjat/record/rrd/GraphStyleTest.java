package org.udjat.record.rrd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.udjat.api.Range;

/** How units and thresholds read on a graph. */
class GraphStyleTest {

    private static GraphStyle.Unit unit(String unit, double largest) {
        return GraphStyle.unit(new SeriesInfo(new SeriesKey("h", "c", "l"), unit, null, null), largest);
    }

    @Test
    void bytesTakeTheBinaryPrefixThatFitsTheLargestValue() {
        assertEquals(new GraphStyle.Unit("B", "B", 1, false), unit("B", 1000));
        assertEquals(new GraphStyle.Unit("KiB", "KiB", 1024, false), unit("B", 1024));
        assertEquals(new GraphStyle.Unit("GiB", "GiB", 1L << 30, false), unit("B", 80e9));
        assertEquals(new GraphStyle.Unit("TiB", "TiB", 1L << 30, false), unit("KB", 5e9));
        assertEquals(new GraphStyle.Unit("MiB", "MiB", 1, false), unit("MB", 12));
        assertEquals(new GraphStyle.Unit("B", "B", 1, false), unit("B", Double.NEGATIVE_INFINITY));
    }

    @Test
    void countersAreRates_percentagesRunFromZero_timesAreNamed_andOtherUnitsShownAsWritten() {
        assertEquals(new GraphStyle.Unit("per second", "/s", 1, false), unit("c", 5e9));
        assertEquals(new GraphStyle.Unit("%", "%", 1, true), unit("%", 50));
        assertEquals(new GraphStyle.Unit("seconds", "s", 1, false), unit("s", 3));
        assertEquals(new GraphStyle.Unit("milliseconds", "ms", 1, false), unit("ms", 3));
        assertEquals(new GraphStyle.Unit("degC", "degC", 1, false), unit("degC", 3));
        assertEquals(new GraphStyle.Unit("", "", 1, false), unit("", 3));
    }

    @Test
    void thresholdsReadAsWritten_orScaledForBytes() {
        GraphStyle.Unit gib = unit("B", 80e9);
        assertEquals("80", GraphStyle.rangeText(Range.parse("80"), unit("%", 50)));
        assertEquals("74.51 GiB", GraphStyle.rangeText(Range.parse("80000000000"), gib));
        assertEquals("9.31: GiB", GraphStyle.rangeText(Range.parse("10000000000:"), gib));
        assertEquals("~:9.31 GiB", GraphStyle.rangeText(Range.parse("~:10000000000"), gib));
        assertEquals("@9.31:18.63 GiB", GraphStyle.rangeText(Range.parse("@10000000000:20000000000"), gib));
    }

    @Test
    void untrustedText_losesControlCharactersAndBackslashes_andIsCut() {
        assertEquals("a?b?l", GraphStyle.plain("a\u0007b\\l"));
        assertEquals("x".repeat(87) + "...", GraphStyle.plain("x".repeat(200)));
        assertEquals("/var (°C)", GraphStyle.plain("/var (°C)"));
    }
}
