package org.udjat.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;

/** Small real Notifier extensions for config tests: types, option names and validation that matter to the loader. */
final class TestNotifiers {
    private TestNotifiers() {
    }

    /** {@code email} (needs {@code smtp_host}, checks {@code port}), {@code sms} (needs {@code url}), {@code webhook}. */
    static Map<String, Notifier> standard() {
        Map<String, Notifier> notifiers = new LinkedHashMap<>();
        notifiers.put("email", new Email());
        notifiers.put("sms", new Sms());
        notifiers.put("webhook", new Webhook());
        return notifiers;
    }

    /** Accepts everything, delivers nothing: only its options matter here. */
    private abstract static class Base implements Notifier {
        @Override
        public Delivery send(Notice notice, Settings options, Duration timeout) {
            return Delivery.rejected("a test notifier does not deliver");
        }
    }

    static final class Email extends Base {
        @Override
        public String type() {
            return "email";
        }

        @Override
        public Set<String> optionNames() {
            return Set.of("smtp_host", "port", "from");
        }

        @Override
        public List<ConfigProblem> validate(Settings options) {
            List<ConfigProblem> problems = new ArrayList<>();
            if (!options.has("smtp_host")) {
                problems.add(ConfigProblem.of("missing \"smtp_host\""));
            }
            Object port = options.asMap().get("port");
            if (port != null && !(port instanceof Long p && p > 0 && p < 65536)) {
                problems.add(new ConfigProblem("port", "expected a port number from 1 to 65535, got \"" + port + "\""));
            }
            return problems;
        }
    }

    static final class Sms extends Base {
        @Override
        public String type() {
            return "sms";
        }

        @Override
        public Set<String> optionNames() {
            return Set.of("url");
        }

        @Override
        public List<ConfigProblem> validate(Settings options) {
            return options.has("url") ? List.of() : List.of(ConfigProblem.of("missing \"url\""));
        }
    }

    /** A chat room: one message for everybody. */
    static final class Webhook extends Base {
        @Override
        public String type() {
            return "webhook";
        }

        @Override
        public Set<String> optionNames() {
            return Set.of("url", "preset");
        }

        @Override
        public boolean addressesPeople(Settings options) {
            return false;
        }
    }
}
