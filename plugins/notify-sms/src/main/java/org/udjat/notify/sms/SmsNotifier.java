package org.udjat.notify.sms;

import static org.udjat.notify.sms.SmsOptions.BODY;
import static org.udjat.notify.sms.SmsOptions.CONTENT_TYPE;
import static org.udjat.notify.sms.SmsOptions.FORM;
import static org.udjat.notify.sms.SmsOptions.METHOD;
import static org.udjat.notify.sms.SmsOptions.PASSWORD_ENV;
import static org.udjat.notify.sms.SmsOptions.PASSWORD_FILE;
import static org.udjat.notify.sms.SmsOptions.USERNAME;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Contact;
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
 * {@code sms}: a short text to the recipient's phone through an HTTP SMS or pager gateway,
 * described by a URL template and optionally a body template. See this module's README for
 * the options. Stateless; the environment it reads secrets from is fixed when it is created.
 */
@Extension
public final class SmsNotifier implements Notifier {
    private final Map<String, String> env;

    public SmsNotifier() {
        this(System.getenv());
    }

    /** A notifier that reads {@code password_env} and {@code ${NAME}} in headers from {@code env}. */
    SmsNotifier(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String type() {
        return "sms";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(HttpOptions.URL, METHOD, BODY, CONTENT_TYPE, USERNAME, PASSWORD_ENV, PASSWORD_FILE,
                HeaderTemplates.KEY, SmsOptions.MAX_LENGTH, SmsOptions.SUCCESS_PATTERN, HttpOptions.TRUST_FILE);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        HttpOptions.url(options, SmsOptions.PLACEHOLDERS, problems);
        SmsOptions.validate(options, problems);
        HeaderTemplates.validate(options, problems);
        HttpOptions.path(options, HttpOptions.TRUST_FILE, problems);
        return problems;
    }

    @Override
    public Delivery send(Notice notice, Settings options, Duration timeout) {
        Contact to = notice.recipient();
        if (to == null) {
            return Delivery.rejected("an sms goes to a person, and this notice has no recipient");
        }
        if (to.phone() == null || to.phone().isBlank()) {
            return Delivery.rejected(to.name() + " has no phone number");
        }
        try {
            int max = SmsOptions.maxLength(options);
            Map<String, String> values = Map.of("phone", to.phone().strip(), "text", SmsText.of(notice, max),
                    "subject", SmsText.cut(SmsText.oneLine(notice.subject()), max), "id", notice.id(),
                    "severity", notice.severity());
            URI uri = URI.create(Template.fill(options.string(HttpOptions.URL, ""), values, Template::percentEncode));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            if ("get".equalsIgnoreCase(options.string(METHOD, "post"))) {
                request.GET();
            } else {
                request.POST(HttpRequest.BodyPublishers.ofString(body(options, values), StandardCharsets.UTF_8))
                        .header("Content-Type", options.string(CONTENT_TYPE, FORM));
            }
            if (options.has(USERNAME)) {
                String credentials = options.string(USERNAME, "") + ":" + password(options);
                request.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            HeaderTemplates.expand(options, env).forEach(request::header);
            Optional<Pattern> success = options.string(SmsOptions.SUCCESS_PATTERN).map(Pattern::compile);
            return HttpDelivery.send(request, HttpOptions.trustFile(options), timeout, success);
        } catch (Unsendable e) {
            return Delivery.rejected(e.getMessage());
        } catch (RuntimeException e) {
            // options that validate() would have refused; a notifier reports, never throws
            return Delivery.rejected("sms cannot send with these options: " + e.getMessage());
        }
    }

    private static String body(Settings options, Map<String, String> values) throws Unsendable {
        boolean json = SmsOptions.isJson(options);
        String body = SmsOptions.fill(options.string(BODY, ""), values, json);
        if (json && SmsOptions.parse(body) == null) {
            throw new Unsendable("body is not JSON once the placeholders are filled in");
        }
        return body;
    }

    /** The password from the environment or a file, at send time; the message never holds it. */
    private String password(Settings options) throws Unsendable {
        Optional<String> variable = options.string(PASSWORD_ENV);
        if (variable.isPresent()) {
            String password = env.get(variable.get());
            if (password == null) {
                throw new Unsendable("password_env: environment variable " + variable.get() + " is not set");
            }
            return password;
        }
        Path file = Path.of(options.string(PASSWORD_FILE, ""));
        try {
            return Files.readString(file).replaceFirst("\\R\\z", "");
        } catch (IOException e) {
            throw new Unsendable("password_file " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }
}
