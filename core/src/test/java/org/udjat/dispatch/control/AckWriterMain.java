package org.udjat.dispatch.control;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.udjat.record.StateDir;

/** A second process for {@link ConcurrentWritersTest}: {@code <dir> <count> <by>} adds that many acks, then exits. */
public final class AckWriterMain {
    private AckWriterMain() {
    }

    public static void main(String[] args) throws IOException {
        AckStore store = new AckStore(StateDir.open(Path.of(args[0])));
        Instant now = Instant.parse("2026-11-22T06:00:00Z");
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            store.add(List.of(args[2] + "-" + i), args[2], "", now, now.plusSeconds(1800));
        }
        System.out.println("DONE");
    }
}
