package org.udjat.notify.sms;

import org.udjat.api.Notice;

/**
 * The text of a short message: the severity and the subject, then the notice's lines while
 * they fit in {@code max_length} characters; what does not fit is cut with "…". Characters are
 * counted as Unicode code points; those outside the GSM alphabet are allowed (the gateway may
 * then send fewer per part). Control characters become spaces and runs of blanks one space.
 */
final class SmsText {
    private SmsText() {
    }

    static String of(Notice notice, int max) {
        String subject = oneLine(notice.subject());
        String head = notice.severity().isBlank() ? subject : oneLine(notice.severity()) + ": " + subject;
        StringBuilder text = new StringBuilder(cut(head, max));
        for (String line : notice.lines()) {
            String l = oneLine(line);
            int room = max - length(text) - 1; // one for the line break
            if (length(l) <= room) {
                text.append('\n').append(l);
                continue;
            }
            if (room >= 2) {
                text.append('\n').append(cut(l, room));
            }
            break;
        }
        return text.toString();
    }

    static String oneLine(String s) {
        return s.replaceAll("[\\p{Cc}\\s]+", " ").strip();
    }

    /** The text cut to at most {@code max} code points, the last of them "…" when something was cut. */
    static String cut(String s, int max) {
        if (length(s) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }
}
