package org.udjat.dispatch.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.udjat.config.Config;
import org.udjat.dispatch.control.Ack;
import org.udjat.dispatch.control.Downtime;
import org.udjat.dispatch.control.Duty;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.Snapshot;

/**
 * Everything the policy looks at in one cycle besides its own memory.
 *
 * @param now       the cycle's time; pages, escalations, repeats, acks and rate limits are decided by it
 * @param config    hosts (with their tags), the interval and {@code notifications()}
 * @param snapshot  the states the cycle recorded
 * @param changes   every change of the cycle, suppressed ones included
 * @param duty      who is on duty, if anybody
 * @param acks      the acknowledgements on record (expired ones may be included; they are ignored)
 * @param downtimes the scheduled downtimes on record (past and future ones are ignored)
 */
public record NotifyInput(Instant now, Config config, Snapshot snapshot, List<Change> changes, Optional<Duty> duty,
                          List<Ack> acks, List<Downtime> downtimes) {
    public NotifyInput {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(snapshot, "snapshot");
        changes = List.copyOf(changes);
        duty = duty == null ? Optional.empty() : duty;
        acks = List.copyOf(acks);
        downtimes = List.copyOf(downtimes);
    }
}
