package org.udjat.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.config.Config;
import org.udjat.dispatch.Outgoing;
import org.udjat.dispatch.control.Duty;
import org.udjat.dispatch.notify.Decision;
import org.udjat.dispatch.notify.NotifyInput;
import org.udjat.dispatch.notify.NotifyPolicy;
import org.udjat.dispatch.notify.NotifyState;
import org.udjat.evaluate.Change;

/**
 * Who would have been told what, and when: a recorded history run through the state engine and
 * the notification rules of a config, cycle by cycle, with nothing sent. Every message counts as
 * delivered; nobody acknowledges and there is no downtime, unless the replay is given them.
 */
public final class NotifyReplay {

    /**
     * One message the replay would have sent.
     *
     * @param cycle    the cycle that sent it
     * @param outgoing the channel and the message
     */
    public record Sent(Instant cycle, Outgoing outgoing) {
    }

    /**
     * What a replay found.
     *
     * @param cycles   the replayed cycles, with the state engine's changes
     * @param messages every message, in the order they would have been sent
     * @param notes    what the policy noted on the way
     */
    public record Result(List<StateReplay.ReplayedCycle> cycles, List<Sent> messages, List<String> notes) {
        public Result {
            cycles = List.copyOf(cycles);
            messages = List.copyOf(messages);
            notes = List.copyOf(notes);
        }
    }

    private NotifyReplay() {
    }

    /**
     * Replays {@code history} with {@code config}.
     *
     * @param duty           who is on duty during the whole replay, or empty for nobody
     * @param addressesPeople for each channel, whether it addresses people one by one (its notifier says)
     */
    public static Result run(Config config, List<Change> history, Optional<Duty> duty,
                             Map<String, Boolean> addressesPeople) {
        List<StateReplay.ReplayedCycle> cycles = StateReplay.run(config, history);
        NotifyPolicy policy = new NotifyPolicy(NotifyPolicy.addressing(addressesPeople));
        NotifyState state = NotifyState.EMPTY;
        List<Sent> messages = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (StateReplay.ReplayedCycle cycle : cycles) {
            Decision d = policy.decide(new NotifyInput(cycle.time(), config, cycle.snapshot(), cycle.changes(), duty,
                    List.of(), List.of()), state);
            d.messages().forEach(m -> messages.add(new Sent(cycle.time(), m)));
            notes.addAll(d.notes());
            state = d.next();
        }
        return new Result(cycles, messages, notes);
    }
}
