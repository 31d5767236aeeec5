package org.udjat.api;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * A way of telling people: email, a chat webhook, an SMS gateway, a command. The dispatch stage
 * decides who hears of what and when; a notifier only delivers one {@link Notice} it is handed,
 * through one configured channel, and says how that went.
 *
 * <p>A channel in the config names its notifier with {@code type:}; the channel's other keys are
 * the notifier's options. {@link #send} runs outside the cycle's thread, may be called from
 * several threads at once, and must return within the timeout it is given: udjat abandons a
 * call that does not and counts it as a failure that is worth retrying. Implementations are
 * stateless (constants only) and never throw from {@link #send} or {@link #validate}; a throw is
 * caught, reported as the plugin's fault and never stops the other notifiers.
 */
public interface Notifier extends ExtensionPoint {

    /** The channel type used after {@code type:} in the config, e.g. {@code email}; lower case. */
    String type();

    /** The option keys this notifier accepts besides {@code type}; used for did-you-mean. */
    default Set<String> optionNames() {
        return Set.of();
    }

    /** Checks the options a user wrote for a channel; reports every problem and never throws. */
    default List<ConfigProblem> validate(Settings options) {
        return List.of();
    }

    /**
     * Whether a channel with these options addresses people one by one (email, SMS: one message
     * per recipient, each with the recipient's address) or a place everyone reads (a chat room
     * webhook: one message, {@link Notice#recipient()} null). Never throws.
     */
    default boolean addressesPeople(Settings options) {
        return true;
    }

    /**
     * Delivers one notice.
     *
     * @param notice  what to say, and to whom ({@link Notice#recipient()}, null for a channel that
     *                addresses a room or a group rather than a person)
     * @param options the channel's options, already validated
     * @param timeout how long the whole delivery may take
     * @return delivered, or failed with a reason and whether a later retry can succeed
     */
    Delivery send(Notice notice, Settings options, Duration timeout);
}
