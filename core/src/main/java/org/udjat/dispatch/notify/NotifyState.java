package org.udjat.dispatch.notify;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policy's memory between cycles, kept in {@code notify.json}: the problems people were told
 * of, and the rate-limit windows and held messages of each channel. Immutable.
 *
 * @param sequence the number of the last message made, so notice ids stay unique across runs
 * @param problems the open problems by subject ({@code gw1}, {@code db1/disk})
 * @param channels the rate-limit memory by channel name; channels without a limit have none
 */
public record NotifyState(long sequence, Map<String, OpenProblem> problems, Map<String, ChannelLog> channels) {
    /** The memory of a first run. */
    public static final NotifyState EMPTY = new NotifyState(0, Map.of(), Map.of());

    public NotifyState {
        problems = problems == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(problems));
        channels = channels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(channels));
    }
}
