package org.udjat.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.Contact;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code contacts:} block: each contact by name, with {@code email}, {@code phone} and any other
 * key as a chat or other handle ({@code slack: "@alice"}). The commands that name people
 * ({@code udjat duty take}, {@code udjat ack --by}) check names against it.
 */
final class ContactReader {
    private ContactReader() {
    }

    /** The notification settings with the contacts read from {@code node}; the rest stays at its defaults. */
    static NotifySettings read(Node node, ValueReader values, Duration interval) {
        NotifySettings none = NotifySettings.none(interval);
        Optional<YamlMap> read = YamlMap.read(node, "contacts", "a map of contacts by name", "contact", values.errors());
        if (read.isEmpty()) {
            return none;
        }
        Map<String, Contact> contacts = new LinkedHashMap<>();
        for (YamlMap.Entry e : read.get().entries()) {
            String path = "contacts." + e.key();
            YamlMap.read(e.value(), path, "a map of addresses (email, phone, chat handles)", "key", values.errors())
                    .ifPresent(m -> contacts.put(e.key(), contact(e.key(), m, values)));
        }
        return new NotifySettings(contacts, none.channels(), none.routes(), none.grace(), none.ackMode(),
                none.escalateAfter(), List.copyOf(contacts.keySet()), none.repeatEvery(), none.summaryLines(),
                none.reportUrl(), none.sendTimeout(), none.giveUpAfter());
    }

    private static Contact contact(String name, YamlMap map, ValueReader values) {
        String email = null;
        String phone = null;
        Map<String, String> handles = new LinkedHashMap<>();
        for (YamlMap.Entry e : map.entries()) {
            String text = values.text(e.value(), map.pathOf(e.key()), "text").orElse("");
            switch (e.key()) {
                case "email" -> email = text;
                case "phone" -> phone = text;
                default -> handles.put(e.key(), text);
            }
        }
        return new Contact(name, email, phone, handles);
    }
}
