package org.udjat.dispatch.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromOneMinuteAndStopsAtThirty() {
        List<Long> minutes = IntStream.rangeClosed(1, 9).mapToObj(n -> Backoff.after(n).toMinutes()).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L), minutes);
        assertEquals(Duration.ofMinutes(30), Backoff.after(Integer.MAX_VALUE));
    }
}
