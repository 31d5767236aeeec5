package org.udjat.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;

class EmailOptionsTest {

    private static Settings with(Object... pairs) {
        return TestSettings.of(Map.of("smtp_host", "smtp.example.org", "from", "udjat@example.org"), pairs);
    }

    @Test
    void theSmallestChannelUsesStarttlsOnPort587AndThePrefix() {
        EmailOptions o = EmailOptions.read(with(), new ArrayList<>()).orElseThrow();
        assertEquals(Tls.STARTTLS, o.tls());
        assertEquals(587, o.port());
        assertEquals("[udjat] ", o.subjectPrefix());
        assertTrue(o.checkServerIdentity());
        assertEquals(List.of(), o.to());
    }

    @Test
    void thePortFollowsTlsUnlessGiven() {
        assertEquals(25, EmailOptions.read(with("tls", "none"), new ArrayList<>()).orElseThrow().port());
        assertEquals(465, EmailOptions.read(with("tls", "smtps"), new ArrayList<>()).orElseThrow().port());
        assertEquals(2525, EmailOptions.read(with("tls", "smtps", "smtp_port", 2525), new ArrayList<>()).orElseThrow().port());
        assertEquals(2526, EmailOptions.read(with("smtp_port", "2526"), new ArrayList<>()).orElseThrow().port());
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(with("smtp_host", null), "smtp_host", "missing; give the SMTP server, e.g. smtp_host: smtp.example.org"),
                Arguments.of(with("smtp_host", "smtp.example.org\r\nRCPT TO:<x@y>"), "smtp_host",
                        "expected a host name or IP address like \"smtp.example.org\", got \"smtp.example.org??RCPT TO:<x@y>\""),
                Arguments.of(with("from", null), "from", "missing; give the sender, e.g. from: udjat@example.org"),
                Arguments.of(with("from", "udjat"), "from", "expected an email address like \"ops@example.org\", got \"udjat\""),
                Arguments.of(with("from", "a@example.org\nBcc: b@example.org"), "from",
                        "expected an email address like \"ops@example.org\", got \"a@example.org?Bcc: b@example.org\""),
                Arguments.of(with("tls", "ssl"), "tls", "expected none, starttls or smtps, got \"ssl\""),
                Arguments.of(with("smtp_port", "submission"), "smtp_port", "expected a port number from 1 to 65535, got \"submission\""),
                Arguments.of(with("smtp_port", 0), "smtp_port", "expected a port number from 1 to 65535, got \"0\""),
                Arguments.of(with("username", "udjat"), "username",
                        "needs a password: give password_env (an environment variable) or password_file (a file holding it); never the password itself"),
                Arguments.of(with("password_env", "SMTP_PASSWORD"), "password_env", "needs username"),
                Arguments.of(with("password_file", "/etc/udjat/smtp.pw"), "password_file", "needs username"),
                Arguments.of(with("username", "u", "password_env", "P", "password_file", "/p"), "password_file",
                        "give either password_env or password_file, not both"),
                Arguments.of(with("username", "u", "password_env", "my password"), "password_env",
                        "expected the name of an environment variable like SMTP_PASSWORD, got \"my password\""),
                Arguments.of(with("check_server_identity", "no"), "check_server_identity", "expected true or false, got \"no\""),
                Arguments.of(with("to", List.of("ops@example.org", "oncall")), "to",
                        "expected an email address like \"ops@example.org\", got \"oncall\""),
                Arguments.of(with("to", List.of()), "to", "expected one or more email addresses, got an empty list"),
                Arguments.of(with("subject_prefix", "[udjat]\r\nBcc: x@example.org "), "subject_prefix",
                        "expected at most 50 characters without control characters, got \"[udjat]??Bcc: x@example.org \""),
                Arguments.of(with("trust_file", "/nonexistent/ca.pem"), "trust_file",
                        "cannot read /nonexistent/ca.pem: java.nio.file.NoSuchFileException: /nonexistent/ca.pem"),
                Arguments.of(with("tls", "none", "trust_file", TestCertificates.SERVER.pem.toString()), "trust_file",
                        "is only used with tls: starttls or smtps, but tls is none"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void eachBadOptionIsReportedWithWhatWasExpected(Settings bad, String key, String message) {
        assertEquals(List.of(new ConfigProblem(key, message)), EmailOptions.validate(bad));
        assertEquals(Optional.empty(), EmailOptions.read(bad, new ArrayList<>()));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ConfigProblem> problems = EmailOptions.validate(Settings.of(Map.of("tls", "ssl", "username", "u")));
        assertEquals(List.of("smtp_host", "tls", "username", "from"), problems.stream().map(ConfigProblem::key).toList());
    }

    @Test
    void aTrustFileWithoutCertificatesIsNamed(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        List<ConfigProblem> problems = EmailOptions.validate(with("trust_file", junk.toString()));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("trust_file", problems.get(0).key());
        assertTrue(problems.get(0).message().startsWith("expected PEM certificates (-----BEGIN CERTIFICATE-----) in " + junk),
                problems.get(0).message());
    }

    @Test
    void aFullChannelIsValid() {
        Settings full = with("smtp_port", 2525, "tls", "smtps", "username", "udjat", "password_file", "/run/secrets/smtp",
                "trust_file", TestCertificates.SERVER.pem.toString(), "check_server_identity", false,
                "to", List.of("ops@example.org", "Oncall <oncall@example.org>"), "subject_prefix", "[mon] ");
        assertEquals(List.of(), EmailOptions.validate(full));
        EmailOptions o = EmailOptions.read(full, new ArrayList<>()).orElseThrow();
        assertEquals(List.of("ops@example.org", "Oncall <oncall@example.org>"), o.to());
        assertEquals(Optional.of(Path.of("/run/secrets/smtp")), o.passwordFile());
        assertEquals(false, o.checkServerIdentity());
        assertEquals(EmailOptions.NAMES, new EmailNotifier().optionNames());
    }
}
