package org.udjat.dispatch.notify;

import org.udjat.dispatch.Outgoing;
import java.util.List;
import java.util.Objects;

/**
 * What the policy decided in one cycle.
 *
 * @param messages what to send now, in order (to the outbox, which must hold them before
 *                 {@code next} is saved, so a crash in between repeats at most one cycle's messages)
 * @param next     the memory to save as {@code notify.json} for the next cycle
 * @param notes    what an operator should know (a page with nobody on duty, messages held back
 *                 by a rate limit), one line each; never a reason to fail the cycle
 */
public record Decision(List<Outgoing> messages, NotifyState next, List<String> notes) {
    public Decision {
        messages = List.copyOf(messages);
        Objects.requireNonNull(next, "next");
        notes = List.copyOf(notes);
    }
}
