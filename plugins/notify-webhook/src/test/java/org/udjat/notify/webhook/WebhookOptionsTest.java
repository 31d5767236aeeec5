package org.udjat.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;

/** Every bad option a user could write, with the message udjat shows for it. */
class WebhookOptionsTest {
    private static final WebhookNotifier WEBHOOK = new WebhookNotifier(Map.of());

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(Map.of(), "url: expected an http or https URL, got nothing; url is required"),
                bad(Map.of("url", "ftp://chat.example/x"),
                        "url: expected an http or https URL like \"https://chat.example/hooks/x\", got \"ftp://chat.example/x\""),
                bad(Map.of("url", "https://chat.example/send/{txn}"),
                        "url: expected placeholders among {id}, got {txn}"),
                bad(Map.of("url", List.of(1, 2)),
                        "url: expected an http or https URL like \"https://chat.example/hooks/x\", got \"[1, 2]\""),
                bad(with("preset", "teams"), "preset: expected one of plain, slack, matrix, got \"teams\""),
                bad(with("method", "GET"), "method: expected one of post, put, got \"GET\""),
                bad(with("headers", "Authorization: x"),
                        "headers: expected a map of header names to values, got \"Authorization: x\""),
                bad(with("headers", Map.of("X-Bad Name", "v")),
                        "headers: expected a header name of letters, digits and -, got \"X-Bad Name\""),
                bad(with("headers", Map.of("X-Tag", "a\r\nX-Injected: 1")),
                        "headers: header X-Tag: expected printable ASCII without line breaks, got \"a\\u000d\\u000aX-Injected: 1\""),
                bad(with("headers", Map.of("Host", "evil.example")), "headers: header Host is set by udjat itself; remove it"),
                bad(with("headers", Map.of("Authorization", "Bearer ${CHAT TOKEN}")),
                        "headers: header Authorization: expected ${NAME} with NAME made of letters, digits and _, got \"Bearer ${CHAT TOKEN}\""),
                bad(with("headers", Map.of("X-List", List.of("a"))), "headers: header X-List: expected a text value, got \"[a]\""),
                bad(with("mention", "yes"), "mention: expected true or false, got \"yes\""),
                bad(with("per_recipient", 1), "per_recipient: expected true or false, got \"1\""),
                bad(with("mention", true),
                        "mention: expected preset slack or matrix with mention: true, got preset plain (its JSON names the recipient already)"),
                bad(Map.of("url", "https://chat.example/x", "preset", "slack", "mention", true),
                        "mention: expected per_recipient: true with mention: true, got a room message, which has no recipient to mention"),
                bad(with("trust_file", ""), "trust_file: expected a file path, got \"\""));
    }

    private static Arguments bad(Map<String, ?> options, String message) {
        return Arguments.of(Settings.of(options), message);
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", "https://chat.example/hooks/x");
        m.put(key, value);
        return m;
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void aBadOptionIsReportedWithWhatWasExpected(Settings options, String message) {
        List<String> got = WEBHOOK.validate(options).stream().map(p -> p.key() + ": " + p.message()).toList();
        assertEquals(List.of(message), got);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ConfigProblem> problems = WEBHOOK.validate(Settings.of(Map.of(
                "url", "mailto:x", "preset", "teams", "method", "DELETE", "mention", "no")));
        assertEquals(List.of("url", "preset", "method", "mention"), problems.stream().map(ConfigProblem::key).toList());
    }

    @Test
    void aMatrixChannelWithEveryOptionIsValid() {
        Settings matrix = Settings.of(Map.of(
                "url", "https://matrix.example/_matrix/client/v3/rooms/!r:example.org/send/m.room.message/{id}",
                "preset", "Matrix", "method", "put", "headers", Map.of("Authorization", "Bearer ${MATRIX_TOKEN}"),
                "mention", true, "per_recipient", true, "trust_file", "/etc/udjat/ca.pem"));
        assertEquals(List.of(), WEBHOOK.validate(matrix));
        assertTrue(WEBHOOK.optionNames().containsAll(matrix.asMap().keySet()));
    }

    @Test
    void perRecipientDecidesWhetherTheChannelAddressesPeople() {
        assertFalse(WEBHOOK.addressesPeople(Settings.of(Map.of("url", "https://chat.example/x"))));
        assertTrue(WEBHOOK.addressesPeople(Settings.of(Map.of("url", "https://chat.example/x", "per_recipient", true))));
        assertFalse(WEBHOOK.addressesPeople(Settings.of(Map.of("url", "https://chat.example/x", "per_recipient", "yes"))));
    }
}
