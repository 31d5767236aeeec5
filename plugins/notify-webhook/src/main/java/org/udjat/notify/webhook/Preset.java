package org.udjat.notify.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.api.NoticeJson;

/** The {@code preset} option: what the webhook's JSON body looks like. */
enum Preset {
    /** udjat's own JSON form of the notice ({@link NoticeJson}), for programs. */
    PLAIN,
    /** {@code {"text": ...}}, understood by Slack, Mattermost, Rocket.Chat and others. */
    SLACK,
    /** An {@code m.room.message} event of the Matrix client-server API, plain text and HTML. */
    MATRIX;

    static final List<String> NAMES = List.of("plain", "slack", "matrix");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Preset of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The key of {@link Contact#handles()} that names a person in this kind of chat. */
    String handleKind() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The request body for the notice.
     *
     * @param mention the recipient's handle to put first, or null
     */
    String body(Notice notice, String mention) {
        return switch (this) {
            case PLAIN -> NoticeJson.write(notice);
            case SLACK -> json(MAPPER.createObjectNode().put("text", slackText(notice, mention)));
            case MATRIX -> matrix(notice, mention);
        };
    }

    private static String slackText(Notice notice, String mention) {
        ChatText text = ChatText.of(notice, Preset::slackEscape, ChatText.MAX_CHARS);
        StringBuilder sb = new StringBuilder();
        if (mention != null) {
            sb.append(mention).append(' '); // written by the operator, e.g. <@U024BE7LH>: not escaped
        }
        emoji(notice.severity()).ifPresent(e -> sb.append(e).append(' '));
        sb.append('*').append(slackEscape(text.subject())).append('*');
        text.lines().forEach(l -> sb.append('\n').append(slackEscape(l)));
        return sb.toString();
    }

    private static String matrix(Notice notice, String mention) {
        ChatText text = ChatText.of(notice, Preset::html, ChatText.MAX_CHARS);
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        if (mention != null) {
            plain.append(mention).append(": ");
            html.append("<a href=\"https://matrix.to/#/").append(html(mention)).append("\">")
                    .append(html(mention)).append("</a>: ");
        }
        plain.append(text.subject());
        html.append("<strong>").append(html(text.subject())).append("</strong>");
        for (String l : text.lines()) {
            plain.append('\n').append(l);
            html.append("<br>").append(html(l));
        }
        ObjectNode event = MAPPER.createObjectNode()
                .put("msgtype", "m.text")
                .put("body", plain.toString())
                .put("format", "org.matrix.custom.html")
                .put("formatted_body", html.toString());
        return json(event);
    }

    /** Slack's own escaping: only these three characters are markup in a message text. */
    static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String html(String s) {
        return slackEscape(s).replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static Optional<String> emoji(String severity) {
        return Optional.ofNullable(switch (severity) {
            case "CRITICAL", "DOWN" -> ":red_circle:";
            case "WARNING", "UNSTABLE" -> ":warning:";
            case "UNKNOWN" -> ":grey_question:";
            case "OK", "UP" -> ":large_green_circle:";
            default -> null;
        });
    }

    private static String json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chat message could not be written as JSON", e);
        }
    }
}
