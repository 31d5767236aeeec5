package org.udjat.config;

import java.time.Duration;
import java.util.List;

/**
 * Reads the state policy keys ({@code attempts}, {@code recover_attempts}, {@code flap_window},
 * {@code flap_start}, {@code flap_stop}, {@code stale_after}) of one YAML map over a base policy:
 * keys written replace the base's values, the others are kept.
 */
final class PolicyReader {
    /** The keys a host may set for its own state; hosts have no staleness of their own. */
    static final List<String> HOST_KEYS = List.of("attempts", "recover_attempts", "flap_window", "flap_start",
            "flap_stop");
    /** The keys of {@code defaults:} and of a check. */
    static final List<String> CHECK_KEYS = List.of("attempts", "recover_attempts", "flap_window", "flap_start",
            "flap_stop", "stale_after");

    private final ValueReader values;

    PolicyReader(ValueReader values) {
        this.values = values;
    }

    /** The base with the keys of {@code map} applied; a bad value is reported and the base's kept. */
    StatePolicy read(YamlMap map, StatePolicy base) {
        int attempts = count(map, "attempts", 1, base.attempts());
        int recover = count(map, "recover_attempts", 1, base.recoverAttempts());
        Duration window = map.get("flap_window").flatMap(n -> values.duration(n, map.pathOf("flap_window")))
                .orElse(base.flapWindow());
        int start = count(map, "flap_start", 1, base.flapStart());
        int stop = count(map, "flap_stop", 0, base.flapStop());
        int stale = count(map, "stale_after", 1, base.staleAfter());
        if (stop >= start) {
            String key = map.has("flap_stop") ? "flap_stop" : "flap_start";
            values.errors().add(map.get(key).orElse(map.node()), map.pathOf(key), "flap_stop (" + stop
                    + ") must be less than flap_start (" + start + "), or UNSTABLE could never end");
            return base;
        }
        return new StatePolicy(attempts, recover, window, start, stop, stale);
    }

    private int count(YamlMap map, String key, int min, int fallback) {
        return map.get(key).flatMap(n -> values.integer(n, map.pathOf(key), min, 1000)).orElse(fallback);
    }
}
