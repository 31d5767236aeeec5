package org.udjat.dispatch.notify;

import java.util.List;
import org.udjat.api.Notice;

/**
 * One thing to say to one recipient in a cycle, before the cycle's entries for that recipient
 * become one message.
 *
 * @param kind  what it is; {@code NOTICE} for a remark such as "nobody is on duty"
 * @param host  the host it is about, null for a remark
 * @param check the check, or null
 * @param state the problem's state, or for a recovery the state it recovered to
 * @param word  what identical lines of several hosts share: the state, or {@code recovered}
 * @param head  the short form, for a subject: {@code gw1 DOWN; 30 checks on 10 hosts behind it suppressed}
 * @param line  the full line
 * @param items the changes behind it
 */
record Entry(Notice.Kind kind, String host, String check, String state, String word, String head, String line,
             List<Notice.Item> items) {
    Entry {
        items = List.copyOf(items);
    }

    /** A remark, first in its message. */
    static Entry note(String text) {
        return new Entry(Notice.Kind.NOTICE, null, null, "", "", text, text, List.of());
    }

    /** A problem being announced, paged, escalated or repeated. */
    boolean aboutProblem() {
        return switch (kind) {
            case PROBLEM, PAGE, ESCALATION, REPEAT -> true;
            default -> false;
        };
    }

    /** Where it goes in its message: remarks, then problems worst first, then recoveries, acks, withdrawals. */
    int rank() {
        return switch (kind) {
            case NOTICE -> 0;
            case PROBLEM, PAGE, ESCALATION, REPEAT, DIGEST -> 1 + stateRank(state);
            case RECOVERY -> 20;
            case ACKNOWLEDGED -> 21;
            case WITHDRAWN -> 22;
        };
    }

    /** CRITICAL and DOWN first, then WARNING, UNKNOWN, UNSTABLE. */
    static int stateRank(String state) {
        return switch (state) {
            case "CRITICAL", "DOWN" -> 0;
            case "WARNING" -> 1;
            case "UNKNOWN", "UNREACHABLE" -> 2;
            case "UNSTABLE" -> 3;
            default -> 4;
        };
    }

    /** Which kind names a message holding several kinds: the most important one. */
    static int kindPriority(Notice.Kind kind) {
        return switch (kind) {
            case ESCALATION -> 0;
            case PAGE -> 1;
            case PROBLEM -> 2;
            case REPEAT -> 3;
            case RECOVERY -> 4;
            case ACKNOWLEDGED -> 5;
            case WITHDRAWN -> 6;
            case DIGEST -> 7;
            case NOTICE -> 8;
        };
    }
}
