package org.udjat.notify.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.udjat.api.Notice;

/**
 * A notice shortened for a chat message: the subject always, then the lines while the
 * message stays within a budget (each line cut to a maximum length), a count of the lines
 * left out, and at the end the rate limit's folded count and the report link. Control
 * characters become spaces: a chat client may show or act on them.
 *
 * @param subject the notice's subject, one line
 * @param lines   what follows the subject, one entry per line
 */
record ChatText(String subject, List<String> lines) {
    /** The budget of a chat message, in characters of the rendered text. */
    static final int MAX_CHARS = 16 * 1024;
    static final int MAX_LINE = 1_000;

    /**
     * The notice's text, measured as {@code render} will write it, so that markup escaping
     * cannot push the message beyond {@code budget}.
     */
    static ChatText of(Notice notice, UnaryOperator<String> render, int budget) {
        String subject = shorten(oneLine(notice.subject()));
        List<String> tail = new ArrayList<>();
        if (notice.folded() > 0) {
            tail.add(notice.folded() + (notice.folded() == 1 ? " earlier message" : " earlier messages")
                    + " held back by a rate limit are included.");
        }
        if (notice.reportUrl() != null) {
            tail.add(shorten(oneLine(notice.reportUrl())));
        }
        // room for "+N more lines" as well, whatever N turns out to be
        int used = render.apply(subject).length() + 40;
        for (String t : tail) {
            used += render.apply(t).length() + 1;
        }
        List<String> lines = new ArrayList<>();
        for (String line : notice.lines()) {
            String l = shorten(oneLine(line));
            int cost = render.apply(l).length() + 1;
            if (used + cost > budget) {
                break;
            }
            lines.add(l);
            used += cost;
        }
        int left = notice.lines().size() - lines.size();
        if (left > 0) {
            lines.add("+" + left + (left == 1 ? " more line" : " more lines"));
        }
        lines.addAll(tail);
        return new ChatText(subject, List.copyOf(lines));
    }

    static String oneLine(String s) {
        return s.replaceAll("\\p{Cc}", " ");
    }

    static String shorten(String s) {
        if (s.length() <= MAX_LINE) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_LINE - 2)) ? MAX_LINE - 2 : MAX_LINE - 1;
        return s.substring(0, end) + "…";
    }
}
