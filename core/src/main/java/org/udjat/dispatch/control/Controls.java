package org.udjat.dispatch.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.udjat.record.StateDir;

/**
 * What the operators have said, as read from the three control files at one moment: who is on duty, the
 * acks and the downtimes (ended and expired ones included, as the files keep them). What status and the
 * report show beside the states.
 *
 * @param duty      who is on duty, empty for nobody
 * @param acks      every ack in {@code acks.json}, oldest first
 * @param downtimes every downtime in {@code downtime.json}, in the order added
 */
public record Controls(Optional<Duty> duty, List<Ack> acks, List<Downtime> downtimes) {
    /** Nobody on duty, no acks, no downtime. */
    public static final Controls NONE = new Controls(Optional.empty(), List.of(), List.of());

    public Controls {
        acks = List.copyOf(acks);
        downtimes = List.copyOf(downtimes);
    }

    /** Reads all three files of {@code dir}; never throws (see the stores for bad files). */
    public static Stored<Controls> read(StateDir dir) {
        Stored<Optional<Duty>> duty = new DutyStore(dir).read();
        Stored<List<Ack>> acks = new AckStore(dir).read();
        Stored<List<Downtime>> downtimes = new DowntimeStore(dir).read();
        List<String> warnings = new ArrayList<>(duty.warnings());
        warnings.addAll(acks.warnings());
        warnings.addAll(downtimes.warnings());
        return new Stored<>(new Controls(duty.value(), acks.value(), downtimes.value()), warnings);
    }

    /** The ack covering {@code subject} ({@code gw1}, {@code db1/disk}) at {@code now} that lasts longest, if any. */
    public Optional<Ack> ackOf(String subject, Instant now) {
        return acks.stream().filter(a -> a.covers(subject, now)).max(Comparator.comparing(Ack::until));
    }

    /**
     * The downtime covering a host (check null) or a check at {@code now} that lasts longest, if any; a
     * downtime of a host covers its checks.
     */
    public Optional<Downtime> downtimeOf(String host, String check, Instant now) {
        return downtimes.stream().filter(d -> d.covers(host, check, now)).max(Comparator.comparing(Downtime::until));
    }
}
