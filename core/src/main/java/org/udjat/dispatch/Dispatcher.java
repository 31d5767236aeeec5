package org.udjat.dispatch;

/**
 * The one interface through which a cycle's changes leave the engine: notifications and
 * remediation plug in here. Called once per cycle, from the cycle's thread, under the state
 * directory's lock, after {@code status.json} and {@code history.jsonl} are written, so a
 * dispatcher that fails or throws never loses recorded state; the cycle reports the failure as a
 * warning. Must return well before the next cycle is due; anything slow or retried belongs in an
 * outbox.
 */
@FunctionalInterface
public interface Dispatcher {

    /** Acts on the changes; may throw, which the cycle reports and survives. */
    void dispatch(DispatchRequest request);
}
