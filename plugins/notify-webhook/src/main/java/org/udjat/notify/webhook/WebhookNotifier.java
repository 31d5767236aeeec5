package org.udjat.notify.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.HeaderTemplates;
import org.udjat.notify.webhook.http.HttpDelivery;
import org.udjat.notify.webhook.http.HttpOptions;
import org.udjat.notify.webhook.http.Template;
import org.udjat.notify.webhook.http.Unsendable;

/**
 * {@code webhook}: posts a notice as JSON to a URL, in udjat's own form or as a Slack- or
 * Matrix-compatible chat message. See this module's README for the options. Stateless; the
 * environment it reads {@code ${NAME}} from is fixed when it is created.
 */
@Extension
public final class WebhookNotifier implements Notifier {
    static final String PRESET = "preset";
    static final String METHOD = "method";
    static final String MENTION = "mention";
    static final String PER_RECIPIENT = "per_recipient";
    private static final Set<String> URL_PLACEHOLDERS = Set.of("id");

    private final Map<String, String> env;

    public WebhookNotifier() {
        this(System.getenv());
    }

    /** A notifier that fills {@code ${NAME}} in headers from {@code env} instead of the process environment. */
    WebhookNotifier(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(HttpOptions.URL, PRESET, METHOD, HeaderTemplates.KEY, MENTION, PER_RECIPIENT, HttpOptions.TRUST_FILE);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        HttpOptions.url(options, URL_PLACEHOLDERS, problems);
        HttpOptions.oneOf(options, PRESET, Preset.NAMES, problems);
        HttpOptions.oneOf(options, METHOD, List.of("post", "put"), problems);
        HeaderTemplates.validate(options, problems);
        HttpOptions.bool(options, MENTION, problems);
        HttpOptions.bool(options, PER_RECIPIENT, problems);
        HttpOptions.path(options, HttpOptions.TRUST_FILE, problems);
        if (Boolean.TRUE.equals(options.asMap().get(MENTION))) {
            if ("plain".equalsIgnoreCase(String.valueOf(options.asMap().getOrDefault(PRESET, "plain")))) {
                problems.add(new ConfigProblem(MENTION, "expected preset slack or matrix with mention: true, got preset plain"
                        + " (its JSON names the recipient already)"));
            } else if (!addressesPeople(options)) {
                problems.add(new ConfigProblem(MENTION, "expected per_recipient: true with mention: true, got a room"
                        + " message, which has no recipient to mention"));
            }
        }
        return problems;
    }

    @Override
    public boolean addressesPeople(Settings options) {
        return Boolean.TRUE.equals(options.asMap().get(PER_RECIPIENT));
    }

    @Override
    public Delivery send(Notice notice, Settings options, Duration timeout) {
        try {
            Preset preset = Preset.of(options.string(PRESET, "plain"));
            String url = Template.fill(options.string(HttpOptions.URL, ""), Map.of("id", notice.id()),
                    Template::percentEncode);
            String body = preset.body(notice, mention(notice, options, preset));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .method(options.string(METHOD, "POST").toUpperCase(Locale.ROOT),
                            HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json");
            HeaderTemplates.expand(options, env).forEach(request::header);
            return HttpDelivery.send(request, HttpOptions.trustFile(options), timeout, Optional.empty());
        } catch (Unsendable e) {
            return Delivery.rejected(e.getMessage());
        } catch (RuntimeException e) {
            // options that validate() would have refused; a notifier reports, never throws
            return Delivery.rejected("webhook cannot send with these options: " + e.getMessage());
        }
    }

    /** The recipient's handle for this kind of chat, when mentions are on and the notice has one. */
    private static String mention(Notice notice, Settings options, Preset preset) {
        if (!Boolean.TRUE.equals(options.asMap().get(MENTION)) || notice.recipient() == null) {
            return null;
        }
        return notice.recipient().handle(preset.handleKind()).map(ChatText::oneLine).orElse(null);
    }
}
