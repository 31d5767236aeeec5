package org.udjat.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Every bad option a user could write for an SMS gateway, with the message udjat shows for it. */
class SmsOptionsTest {
    private static final SmsNotifier SMS = new SmsNotifier(Map.of());
    private static final String URL = "https://gw.example/send?to={phone}&text={text}";

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(Map.of(), "url: expected an http or https URL, got nothing; url is required"),
                bad(Map.of("url", "https://gw.example/send?to={number}"),
                        "url: expected placeholders among {id}, {phone}, {severity}, {subject}, {text}, got {number}"),
                bad(Map.of("url", "gw.example/send"),
                        "url: expected an http or https URL like \"https://chat.example/hooks/x\", got \"gw.example/send\""),
                bad(with("method", "PUT"), "method: expected one of get, post, got \"PUT\""),
                bad(with("method", "GET", "body", "to={phone}"), "body: expected method POST with body, got method GET"),
                bad(with("content_type", "text/plain"),
                        "content_type: expected one of application/x-www-form-urlencoded, application/json, got \"text/plain\""),
                bad(with("body", "to={phone}&msg={message}"),
                        "body: expected placeholders among {id}, {phone}, {severity}, {subject}, {text}, got {message}"),
                bad(with("content_type", "application/json", "body", "{\"to\": {phone}, \"text\": \"{text}\"}"),
                        "body: expected JSON once the placeholders are filled in, each placeholder inside quotes like"
                                + " {\"to\": \"{phone}\"}, got {\"to\": {phone}, \"text\": \"{text}\"}"),
                bad(with("username", "ops"), "username: expected password_env or password_file with username, got neither"),
                bad(with("username", "ops:x", "password_env", "SMS_PASSWORD"),
                        "username: expected a user name without \":\" or control characters, got \"ops:x\""),
                bad(with("username", "ops", "password_env", "SMS_PASSWORD", "password_file", "/run/secrets/sms"),
                        "password_file: expected password_env or password_file, got both"),
                bad(with("password_env", "SMS_PASSWORD"), "password_env: expected username with a password, got no username"),
                bad(with("username", "ops", "password_env", "sms password"),
                        "password_env: expected the name of an environment variable like SMS_PASSWORD, got \"sms password\""),
                bad(with("username", "ops", "password_env", "P", "headers", Map.of("authorization", "Bearer x")),
                        "headers: expected username or an Authorization header, got both"),
                bad(with("headers", Map.of("X-Key", "a\nb")),
                        "headers: header X-Key: expected printable ASCII without line breaks, got \"a\\u000ab\""),
                bad(with("max_length", 5), "max_length: expected a whole number of characters from 20 to 10000, got \"5\""),
                bad(with("max_length", "lots"), "max_length: expected a whole number of characters from 20 to 10000, got \"lots\""),
                bad(with("success_pattern", "(OK"),
                        "success_pattern: expected a regular expression, got \"(OK\": Unclosed group"),
                bad(with("trust_file", List.of()), "trust_file: expected a file path, got \"[]\""));
    }

    private static Arguments bad(Map<String, ?> options, String message) {
        return Arguments.of(Settings.of(options), message);
    }

    private static Map<String, Object> with(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", URL);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void aBadOptionIsReportedWithWhatWasExpected(Settings options, String message) {
        List<String> got = SMS.validate(options).stream().map(p -> p.key() + ": " + p.message()).toList();
        assertEquals(List.of(message), got);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ConfigProblem> problems = SMS.validate(Settings.of(Map.of(
                "url", "ftp://x", "method", "PATCH", "max_length", 0, "password_env", "X")));
        assertEquals(List.of("url", "method", "password_env", "max_length"), problems.stream().map(ConfigProblem::key).toList());
    }

    @Test
    void aGatewayWithEveryOptionIsValid() {
        Settings all = Settings.of(Map.ofEntries(
                Map.entry("url", "https://gw.example/api/{id}"), Map.entry("method", "post"),
                Map.entry("body", "{\"to\": \"{phone}\", \"text\": \"{text}\", \"subject\": \"{subject}\", \"level\": \"{severity}\"}"),
                Map.entry("content_type", "application/json"), Map.entry("username", "ops"),
                Map.entry("password_file", "/run/secrets/sms"), Map.entry("headers", Map.of("X-Api-Key", "${SMS_KEY}")),
                Map.entry("max_length", 300), Map.entry("success_pattern", "\"status\":\\s*\"ok\""),
                Map.entry("trust_file", "/etc/udjat/gw-ca.pem")));
        assertEquals(List.of(), SMS.validate(all));
        assertTrue(SMS.optionNames().containsAll(all.asMap().keySet()));
        assertTrue(SMS.addressesPeople(all));
    }
}
