package org.udjat.notify.email;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;
import org.udjat.api.Text;

/**
 * The options of an {@code email} channel, read and checked in one place. {@link #read} reports
 * every problem at once and never throws; a secret is only ever named here (the variable or the
 * file that holds it), never held.
 *
 * @param to an empty list when the channel writes to each notice's recipient
 */
record EmailOptions(String host, int port, Tls tls, Optional<String> username, Optional<String> passwordEnv,
                    Optional<Path> passwordFile, Optional<Path> trustFile, boolean checkServerIdentity,
                    String from, List<String> to, String subjectPrefix) {

    static final String SMTP_HOST = "smtp_host";
    static final String SMTP_PORT = "smtp_port";
    static final String TLS = "tls";
    static final String USERNAME = "username";
    static final String PASSWORD_ENV = "password_env";
    static final String PASSWORD_FILE = "password_file";
    static final String TRUST_FILE = "trust_file";
    static final String CHECK_SERVER_IDENTITY = "check_server_identity";
    static final String FROM = "from";
    static final String TO = "to";
    static final String SUBJECT_PREFIX = "subject_prefix";
    static final Set<String> NAMES = Set.of(SMTP_HOST, SMTP_PORT, TLS, USERNAME, PASSWORD_ENV, PASSWORD_FILE,
            TRUST_FILE, CHECK_SERVER_IDENTITY, FROM, TO, SUBJECT_PREFIX);

    static final String DEFAULT_SUBJECT_PREFIX = "[udjat] ";
    private static final int MAX_PREFIX = 50;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}|\\[?[0-9A-Fa-f:.]{2,45}]?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    EmailOptions {
        to = List.copyOf(to);
    }

    /** The options, or empty when {@code problems} got at least one entry. */
    static Optional<EmailOptions> read(Settings s, List<ConfigProblem> problems) {
        int before = problems.size();
        String host = s.string(SMTP_HOST).orElse("");
        if (!s.has(SMTP_HOST)) {
            problems.add(new ConfigProblem(SMTP_HOST, "missing; give the SMTP server, e.g. smtp_host: smtp.example.org"));
        } else if (!HOST.matcher(host).matches()) {
            problems.add(new ConfigProblem(SMTP_HOST, "expected a host name or IP address like \"smtp.example.org\", got \""
                    + Addresses.shown(host) + "\""));
        }
        Tls tls = Tls.STARTTLS;
        if (s.has(TLS)) {
            String word = s.string(TLS, "");
            Optional<Tls> parsed = Tls.parse(word);
            if (parsed.isEmpty()) {
                problems.add(new ConfigProblem(TLS, "expected none, starttls or smtps, got \"" + Addresses.shown(word) + "\""));
            }
            tls = parsed.orElse(Tls.STARTTLS);
        }
        int port = tls.defaultPort();
        if (s.has(SMTP_PORT)) {
            String text = s.string(SMTP_PORT, "");
            try {
                port = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                problems.add(new ConfigProblem(SMTP_PORT, "expected a port number from 1 to 65535, got \"" + Addresses.shown(text) + "\""));
            }
        }
        Optional<String> username = s.string(USERNAME);
        username.filter(u -> u.isBlank() || u.length() > 256 || u.chars().anyMatch(Character::isISOControl))
                .ifPresent(u -> problems.add(new ConfigProblem(USERNAME,
                        "expected a user name without control characters, got \"" + Addresses.shown(u) + "\"")));
        Optional<String> passwordEnv = s.string(PASSWORD_ENV);
        passwordEnv.filter(e -> !ENV_NAME.matcher(e).matches()).ifPresent(e -> problems.add(new ConfigProblem(PASSWORD_ENV,
                "expected the name of an environment variable like SMTP_PASSWORD, got \"" + Addresses.shown(e) + "\"")));
        Optional<Path> passwordFile = path(s, PASSWORD_FILE, problems);
        secretProblems(username.isPresent(), passwordEnv.isPresent(), passwordFile.isPresent(), problems);
        Optional<Path> trustFile = path(s, TRUST_FILE, problems);
        trustFile.ifPresent(f -> TrustedCertificates.problem(f).ifPresent(m -> problems.add(new ConfigProblem(TRUST_FILE, m))));
        if (trustFile.isPresent() && tls == Tls.NONE) {
            problems.add(new ConfigProblem(TRUST_FILE, "is only used with tls: starttls or smtps, but tls is none"));
        }
        boolean checkIdentity = true;
        try {
            checkIdentity = s.bool(CHECK_SERVER_IDENTITY, true);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(CHECK_SERVER_IDENTITY, "expected true or false, got \""
                    + Addresses.shown(s.string(CHECK_SERVER_IDENTITY, "")) + "\""));
        }
        String from = s.string(FROM).orElse("");
        if (!s.has(FROM)) {
            problems.add(new ConfigProblem(FROM, "missing; give the sender, e.g. from: udjat@example.org"));
        } else {
            Addresses.problem(from).ifPresent(m -> problems.add(new ConfigProblem(FROM, m)));
        }
        List<String> to = s.strings(TO);
        if (s.has(TO) && to.isEmpty()) {
            problems.add(new ConfigProblem(TO, "expected one or more email addresses, got an empty list"));
        }
        to.forEach(a -> Addresses.problem(a).ifPresent(m -> problems.add(new ConfigProblem(TO, m))));
        String prefix = s.string(SUBJECT_PREFIX, DEFAULT_SUBJECT_PREFIX);
        if (prefix.length() > MAX_PREFIX || prefix.chars().anyMatch(Character::isISOControl)) {
            problems.add(new ConfigProblem(SUBJECT_PREFIX, "expected at most " + MAX_PREFIX
                    + " characters without control characters, got \"" + Addresses.shown(prefix) + "\""));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new EmailOptions(host, port, tls, username, passwordEnv, passwordFile, trustFile,
                checkIdentity, from, to, prefix));
    }

    /** Every problem with the options, in the order of the keys above. */
    static List<ConfigProblem> validate(Settings s) {
        List<ConfigProblem> problems = new ArrayList<>();
        read(s, problems);
        return problems;
    }

    private static void secretProblems(boolean user, boolean env, boolean file, List<ConfigProblem> problems) {
        if (env && file) {
            problems.add(new ConfigProblem(PASSWORD_FILE, "give either password_env or password_file, not both"));
        }
        if (user && !env && !file) {
            problems.add(new ConfigProblem(USERNAME, "needs a password: give password_env (an environment variable) "
                    + "or password_file (a file holding it); never the password itself"));
        }
        if (!user && (env || file)) {
            problems.add(new ConfigProblem(env ? PASSWORD_ENV : PASSWORD_FILE, "needs username"));
        }
    }

    private static Optional<Path> path(Settings s, String key, List<ConfigProblem> problems) {
        Optional<String> text = s.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String p = text.get();
        if (p.isBlank() || p.chars().anyMatch(c -> c == 0 || Character.isISOControl(c))) {
            problems.add(new ConfigProblem(key, "expected a file path, got \"" + Text.printable(p) + "\""));
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(p));
        } catch (RuntimeException e) {
            problems.add(new ConfigProblem(key, "expected a file path, got \"" + Addresses.shown(p) + "\""));
            return Optional.empty();
        }
    }

    /** Where messages go, for reasons: {@code smtp.example.org:587}. */
    String server() {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
