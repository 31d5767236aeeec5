package org.udjat.notify.command;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.api.Text;

/**
 * The environment a notification program runs in: a clean base (never udjat's own environment,
 * which may hold secrets), the channel's {@code pass_env} and {@code env}, and the notice as
 * {@code UDJAT_*} variables plus the Nagios environment macros ({@code NAGIOS_*}) of its first item.
 *
 * <p>Every value from the notice is untrusted text: control characters (NUL included, which no
 * environment value can hold) become {@code ?}, except the line breaks and tabs of
 * {@code UDJAT_TEXT}, and values are cut to a length the kernel accepts. The whole notice,
 * unchanged, is on the program's stdin.
 */
final class NoticeEnvironment {
    /** The programs a notification script needs, and nothing from udjat's own PATH. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** Longest single-line value, in characters. */
    static final int MAX_LINE = 4096;
    /** Longest {@code UDJAT_TEXT}, in characters: well below the kernel's 128 KiB for one variable. */
    static final int MAX_TEXT = 16384;

    private NoticeEnvironment() {
    }

    /** Whether a variable name is one udjat sets, which {@code env} and {@code pass_env} cannot take over. */
    static boolean isReserved(String name) {
        return name.startsWith("UDJAT_") || name.startsWith("NAGIOS_");
    }

    /**
     * The program's whole environment.
     *
     * @param passed the values of {@code pass_env}, read from udjat's environment by the caller
     */
    static Map<String, String> of(Notice notice, Map<String, String> passed, Map<String, String> env) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("PATH", PATH);
        vars.put("HOME", System.getProperty("user.home", "/"));
        vars.put("LANG", "C.UTF-8");
        vars.put("LC_ALL", "C.UTF-8");
        vars.put("TZ", ZoneId.systemDefault().getId());
        vars.putAll(passed);
        vars.putAll(env);
        vars.putAll(udjat(notice));
        vars.putAll(nagios(notice));
        return vars;
    }

    static Map<String, String> udjat(Notice n) {
        Contact to = n.recipient();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("UDJAT_ID", line(n.id()));
        vars.put("UDJAT_TIME", n.time().toString());
        vars.put("UDJAT_KIND", n.kind().name());
        vars.put("UDJAT_URGENCY", n.urgency().name());
        vars.put("UDJAT_SEVERITY", line(n.severity()));
        vars.put("UDJAT_SUBJECT", line(n.subject()));
        vars.put("UDJAT_TEXT", text(n.text()));
        vars.put("UDJAT_REPORT_URL", line(n.reportUrl()));
        vars.put("UDJAT_ITEM_COUNT", String.valueOf(n.items().size()));
        vars.put("UDJAT_FOLDED", String.valueOf(n.folded()));
        vars.put("UDJAT_RECIPIENT", to == null ? "" : line(to.name()));
        vars.put("UDJAT_RECIPIENT_EMAIL", to == null ? "" : line(to.email()));
        vars.put("UDJAT_RECIPIENT_PHONE", to == null ? "" : line(to.phone()));
        return vars;
    }

    /**
     * The Nagios environment macros of a notification, for scripts written for Nagios: they are
     * all set, empty where they do not apply (a host item has no SERVICEDESC), so scripts that
     * run with {@code set -u} work.
     */
    static Map<String, String> nagios(Notice n) {
        Notice.Item first = n.items().isEmpty() ? null : n.items().get(0);
        boolean host = first != null && first.check() == null;
        boolean service = first != null && first.check() != null;
        Contact to = n.recipient();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("NAGIOS_NOTIFICATIONTYPE", notificationType(n));
        vars.put("NAGIOS_HOSTNAME", first == null ? "" : line(first.host()));
        vars.put("NAGIOS_HOSTSTATE", host ? line(first.to()) : "");
        vars.put("NAGIOS_LASTHOSTSTATE", host ? line(first.from()) : "");
        vars.put("NAGIOS_HOSTOUTPUT", host ? line(first.summary()) : "");
        vars.put("NAGIOS_SERVICEDESC", service ? line(first.check()) : "");
        vars.put("NAGIOS_SERVICESTATE", service ? line(first.to()) : "");
        vars.put("NAGIOS_LASTSERVICESTATE", service ? line(first.from()) : "");
        vars.put("NAGIOS_SERVICEOUTPUT", service ? line(first.summary()) : "");
        vars.put("NAGIOS_CONTACTNAME", to == null ? "" : line(to.name()));
        vars.put("NAGIOS_CONTACTEMAIL", to == null ? "" : line(to.email()));
        vars.put("NAGIOS_CONTACTPAGER", to == null ? "" : line(to.phone()));
        vars.put("NAGIOS_TIMET", String.valueOf(n.time().getEpochSecond()));
        return vars;
    }

    /**
     * Nagios' {@code $NOTIFICATIONTYPE$} for a notice. Messages about changes take it from their
     * first (most important) item, so a recovery that came in a problem message reads RECOVERY;
     * what Nagios has no word for is {@code CUSTOM}, as Nagios calls its own custom notifications.
     */
    static String notificationType(Notice n) {
        return switch (n.kind()) {
            case PAGE, ESCALATION, REPEAT -> "PROBLEM";
            case RECOVERY -> "RECOVERY";
            case ACKNOWLEDGED -> "ACKNOWLEDGEMENT";
            case WITHDRAWN, NOTICE -> "CUSTOM";
            case PROBLEM, DIGEST -> n.items().isEmpty() ? "PROBLEM" : switch (n.items().get(0).change()) {
                case "RECOVERY" -> "RECOVERY";
                case "UNSTABLE" -> "FLAPPINGSTART";
                case "STABLE" -> "FLAPPINGSTOP";
                default -> "PROBLEM";
            };
        };
    }

    /** One line: every control character, line breaks included, made {@code ?}; null is empty. */
    static String line(String value) {
        return value == null ? "" : cut(Text.printable(value), MAX_LINE);
    }

    /** Several lines: line breaks and tabs kept, every other control character made {@code ?}. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_TEXT + 1));
        value.codePoints().forEach(c -> b.appendCodePoint(c == '\n' || c == '\t' || !Character.isISOControl(c) ? c : '?'));
        return cut(b.toString(), MAX_TEXT);
    }

    private static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 2)) ? max - 2 : max - 1;
        return value.substring(0, end) + "…";
    }
}
