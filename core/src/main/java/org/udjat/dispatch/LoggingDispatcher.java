package org.udjat.dispatch;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.evaluate.Change;
import org.udjat.report.PlainText;

/**
 * The dispatcher of a config without channels: logs each notifiable change on one line, e.g.
 * {@code notify: PROBLEM gw1 UP -> DOWN (HARD 3/3), suppresses 50: connection refused}. Thread-safe.
 */
public final class LoggingDispatcher implements Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingDispatcher.class);

    @Override
    public List<String> dispatch(DispatchRequest request) {
        for (Change c : request.notifiable()) {
            LOG.info("notify: {}", line(c));
        }
        return List.of();
    }

    /** One readable line for a change; check output in it is cut short and stripped of control characters. */
    public static String line(Change c) {
        StringBuilder sb = new StringBuilder().append(c.kind()).append(' ').append(c.subject()).append(' ')
                .append(c.from() == null ? "(new)" : c.from()).append(" -> ").append(c.to());
        if (c.type() != null) {
            sb.append(" (").append(c.type()).append(' ').append(c.attempt()).append('/').append(c.attempts()).append(')');
        }
        if (c.suppressedCount() > 0) {
            sb.append(", suppresses ").append(c.suppressedCount());
        }
        if (c.suppressedBy() != null) {
            sb.append(", suppressed by ").append(c.suppressedBy());
        }
        return c.summary().isEmpty() ? sb.toString() : sb.append(": ").append(PlainText.oneLine(c.summary())).toString();
    }
}
