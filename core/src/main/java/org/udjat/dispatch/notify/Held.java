package org.udjat.dispatch.notify;

import java.time.Instant;
import java.util.List;
import org.udjat.api.Notice;

/**
 * Messages a rate limit held back for one recipient of one channel, to be folded into one digest.
 *
 * @param count    how many messages were held
 * @param since    when the first was held
 * @param severity the worst severity among them
 * @param subjects the subject line of each, oldest first
 * @param items    every item of them
 */
public record Held(int count, Instant since, String severity, List<String> subjects, List<Notice.Item> items) {
    public Held {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
