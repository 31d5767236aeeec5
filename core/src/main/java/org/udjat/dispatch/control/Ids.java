package org.udjat.dispatch.control;

import java.util.Collection;

/** Short ids for acks and downtimes: {@code 1}, {@code 2}... one more than the highest in the file. */
final class Ids {
    private Ids() {
    }

    /** The id after every one in {@code ids} that is a number. */
    static String next(Collection<String> ids) {
        long max = 0;
        for (String id : ids) {
            try {
                max = Math.max(max, Long.parseLong(id));
            } catch (NumberFormatException notOurs) {
                // an id written by hand or by a later udjat: never reused, since ours are numbers
            }
        }
        return Long.toString(max + 1);
    }
}
