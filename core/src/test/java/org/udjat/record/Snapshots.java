package org.udjat.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.udjat.api.PerfDatum;
import org.udjat.api.Range;
import org.udjat.api.Status;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;

/** Snapshots for tests, including the awkward values a status file must survive. */
final class Snapshots {
    static final String HOSTILE_OUTPUT = "disk \u00e9t\u00e9 \u2603 \ud83d\ude00 </script><script>alert(1)</script>"
            + " lone \ud800 surrogate tab\there\u0000nul\u001b[31mred\r\n\u2028sep & \"quoted\" \\ back";

    private Snapshots() {
    }

    static Snapshot rich(Instant finished) {
        PerfDatum full = new PerfDatum("root /", 81.5, "%", Range.parse("80"), Range.parse("@~:5"), 0.0, 100.0);
        PerfDatum unknown = new PerfDatum("load1", Double.NaN, "", Range.parse("10:20"), null, null, null);
        PerfDatum infinite = new PerfDatum("rate", Double.POSITIVE_INFINITY, "c", Range.parse("10:"),
                Range.parse("~:10"), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        CheckState disk = new CheckState("disk", Status.WARNING, HOSTILE_OUTPUT, "line 2\nline 3 \u00fc",
                List.of(full, unknown, infinite), finished.minusSeconds(3), Duration.ofMillis(1234),
                "output capped at 64 KiB", finished.minusSeconds(3600));
        CheckState never = new CheckState("ntp", Status.UNKNOWN, null, null, null, null, null,
                "not run: host unreachable", finished);
        HostState web = new HostState("web1", true, null, "linux", finished, finished.minusSeconds(86400),
                List.of(disk, never));
        HostState router = new HostState("gw \u00e4", false, "connection refused", null, finished, finished, List.of());
        return new Snapshot(Snapshot.CURRENT_VERSION, finished.minusSeconds(20), finished, List.of(web, router));
    }

    static Snapshot small(Instant finished, Status status) {
        CheckState check = new CheckState("ping", status, "summary " + status, "", List.of(), finished,
                Duration.ofSeconds(1), "", finished);
        return new Snapshot(Snapshot.CURRENT_VERSION, finished.minusSeconds(5), finished,
                List.of(new HostState("h1", true, "", "linux", finished, finished, List.of(check))));
    }
}
