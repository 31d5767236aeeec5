package org.udjat.dispatch.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.udjat.api.Contact;
import org.udjat.api.Notice;

/**
 * Makes one message of everything a cycle says to one recipient on one channel: the most important
 * first, three or more hosts with the same check in the same state on one line, at most
 * {@code summary_lines} lines and then {@code +N more}, and a subject that says the worst and how
 * many. Pure.
 */
final class Composer {
    /** How many host names a line of several hosts shows before {@code +N more}. */
    static final int HOSTS_SHOWN = 3;
    /** From how many hosts on the same check in the same state those lines become one. */
    static final int SAME_CHECK_LINE = 3;

    private final int summaryLines;
    private final String reportUrl;

    Composer(int summaryLines, String reportUrl) {
        this.summaryLines = summaryLines;
        this.reportUrl = reportUrl;
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::rank)
            .thenComparing(e -> e.host() == null ? "" : e.host())
            .thenComparing(e -> e.check() == null ? "" : e.check());

    Notice compose(String id, Instant now, boolean pageChannel, Contact recipient, List<Entry> entries) {
        List<Entry> sorted = entries.stream().sorted(ORDER).toList();
        Notice.Kind kind = sorted.stream().map(Entry::kind).filter(k -> k != Notice.Kind.NOTICE)
                .min(Comparator.comparingInt(Entry::kindPriority)).orElse(Notice.Kind.NOTICE);
        List<String> lines = cut(lines(sorted), summaryLines);
        List<Notice.Item> items = sorted.stream().flatMap(e -> e.items().stream()).toList();
        boolean wakes = kind == Notice.Kind.PAGE || kind == Notice.Kind.ESCALATION
                || kind == Notice.Kind.REPEAT && pageChannel;
        return new Notice(id, now, kind, wakes ? Notice.Urgency.PAGE : Notice.Urgency.LOW, severity(sorted),
                subject(kind, sorted), lines, items, recipient, reportUrl == null ? null : reportUrl + "index.html", 0);
    }

    /** The worst problem state, else the state recovered to; empty for remarks only. */
    static String severity(List<Entry> sorted) {
        return sorted.stream().filter(Entry::aboutProblem).map(Entry::state)
                .min(Comparator.comparingInt(Entry::stateRank))
                .or(() -> sorted.stream().filter(e -> e.kind() == Notice.Kind.RECOVERY).map(Entry::state).findFirst())
                .orElse("");
    }

    private static String subject(Notice.Kind kind, List<Entry> sorted) {
        List<Entry> main = sorted.stream().filter(e -> e.kind() == kind).toList();
        if (main.isEmpty()) {
            return sorted.isEmpty() ? "" : sorted.get(0).head();
        }
        String prefix = switch (kind) {
            case ESCALATION -> "ESCALATED, not acknowledged: ";
            case REPEAT -> "still open: ";
            default -> "";
        };
        if (main.size() == 1) {
            return prefix + main.get(0).head();
        }
        String first = main.get(0).head();
        return prefix + switch (kind) {
            case PROBLEM, PAGE, ESCALATION, REPEAT -> main.size() + " problems, worst " + main.get(0).state() + ": "
                    + first;
            case RECOVERY -> main.size() + " recoveries: " + first;
            case ACKNOWLEDGED -> main.size() + " problems acknowledged: " + first;
            case WITHDRAWN -> main.size() + " pages withdrawn: " + first;
            default -> first;
        };
    }

    /** One line per entry, except that several hosts with the same check in the same state share one. */
    static List<String> lines(List<Entry> sorted) {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry e : sorted) {
            boolean groupable = e.check() != null && (e.aboutProblem() || e.kind() == Notice.Kind.RECOVERY);
            String key = groupable ? e.kind() + "\u0000" + e.check() + "\u0000" + e.word()
                    : "single\u0000" + groups.size();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<String> lines = new ArrayList<>();
        for (List<Entry> group : groups.values()) {
            TreeSet<String> hosts = new TreeSet<>();
            group.forEach(e -> hosts.add(Objects.requireNonNullElse(e.host(), "")));
            if (hosts.size() >= SAME_CHECK_LINE) {
                Entry first = group.get(0);
                List<String> shown = hosts.stream().limit(HOSTS_SHOWN).toList();
                String more = hosts.size() > HOSTS_SHOWN ? " +" + (hosts.size() - HOSTS_SHOWN) + " more" : "";
                lines.add(first.check() + " " + first.word() + " on " + hosts.size() + " hosts: "
                        + String.join(", ", shown) + more);
            } else {
                group.forEach(e -> lines.add(e.line()));
            }
        }
        return lines;
    }

    /** At most {@code max} lines, then {@code +N more}. */
    static List<String> cut(List<String> lines, int max) {
        if (lines.size() <= max) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, max));
        kept.add("+" + (lines.size() - max) + " more");
        return kept;
    }
}
