package org.udjat.dispatch;

import java.util.List;

/**
 * The one interface through which a cycle's changes leave the engine: notifications and
 * remediation plug in here. Called once per cycle, from the cycle's thread, under the state
 * directory's lock, after {@code status.json} and {@code history.jsonl} are written, so a
 * dispatcher that fails or throws never loses recorded state; the cycle reports the failure as a
 * warning. Must return by the request's deadline; anything slow or retried belongs in an outbox.
 */
@FunctionalInterface
public interface Dispatcher {

    /**
     * Acts on the changes.
     *
     * @return what went wrong that the cycle should report (a message not delivered, a bad file set
     *         aside), empty when all went well; may also throw, which the cycle reports and survives
     */
    List<String> dispatch(DispatchRequest request);
}
