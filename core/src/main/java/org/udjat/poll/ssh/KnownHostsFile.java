package org.udjat.poll.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The entries of an OpenSSH known_hosts file, read once: plain, wildcard, negated and hashed
 * ({@code |1|salt|hash}) host patterns, {@code [host]:port} for other ports, {@code @revoked}
 * markers. {@code @cert-authority} lines are ignored (host certificates are not used).
 * Lines it cannot parse are skipped, as OpenSSH does. Immutable and thread-safe.
 */
public final class KnownHostsFile {

    private final List<Entry> entries;

    private KnownHostsFile(List<Entry> entries) {
        this.entries = entries;
    }

    /** Reads the file; a missing file has no entries. */
    public static KnownHostsFile read(Path file) throws IOException {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new KnownHostsFile(List.of());
        }
    }

    /** Parses known_hosts lines. */
    public static KnownHostsFile parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            Entry entry = Entry.parse(line.strip());
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new KnownHostsFile(List.copyOf(entries));
    }

    /**
     * Judges the key blob a host presented.
     *
     * @param hostToken the host as in {@link HostLabel#knownHostsToken()}
     */
    public HostKeyVerdict check(String hostToken, byte[] presentedKey) {
        boolean known = false;
        boolean trusted = false;
        for (Entry entry : entries) {
            if (!entry.matches(hostToken)) {
                continue;
            }
            boolean same = Arrays.equals(entry.key, presentedKey);
            if (entry.revoked) {
                if (same) {
                    return HostKeyVerdict.REVOKED;
                }
                continue;
            }
            known = true;
            trusted |= same;
        }
        if (trusted) {
            return HostKeyVerdict.TRUSTED;
        }
        // a host recorded only with other keys (even of another type) is treated as changed: accepting
        // a new type silently would let an impostor in with any key type the record lacks
        return known ? HostKeyVerdict.CHANGED : HostKeyVerdict.UNKNOWN;
    }

    /** The key blobs recorded (not revoked) for the host, in file order. */
    public List<byte[]> keysFor(String hostToken) {
        List<byte[]> keys = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.revoked && entry.matches(hostToken)) {
                keys.add(entry.key.clone());
            }
        }
        return keys;
    }

    /** One parsed line. */
    private record Entry(boolean revoked, String[] patterns, byte[] key) {

        static Entry parse(String line) {
            if (line.isEmpty() || line.startsWith("#")) {
                return null;
            }
            String[] fields = line.split("\\s+");
            boolean revoked = false;
            int first = 0;
            if (fields[0].startsWith("@")) {
                if (!fields[0].equals("@revoked")) {
                    return null; // @cert-authority and unknown markers
                }
                revoked = true;
                first = 1;
            }
            if (fields.length < first + 3) {
                return null;
            }
            try {
                byte[] key = Base64.getDecoder().decode(fields[first + 2]);
                return new Entry(revoked, fields[first].split(","), key);
            } catch (IllegalArgumentException badBase64) {
                return null;
            }
        }

        boolean matches(String host) {
            boolean matched = false;
            for (String pattern : patterns) {
                boolean negated = pattern.startsWith("!");
                String body = negated ? pattern.substring(1) : pattern;
                if (matchesOne(body, host)) {
                    if (negated) {
                        return false;
                    }
                    matched = true;
                }
            }
            return matched;
        }

        private static boolean matchesOne(String pattern, String host) {
            if (pattern.startsWith("|1|")) {
                return hashedMatches(pattern, host);
            }
            if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
                return pattern.equalsIgnoreCase(host);
            }
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return host.toLowerCase(Locale.ROOT).matches(regex.toString());
        }

        private static boolean hashedMatches(String pattern, String host) {
            String[] parts = pattern.split("\\|");
            if (parts.length != 4) {
                return false;
            }
            try {
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] expected = Base64.getDecoder().decode(parts[3]);
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(salt, "HmacSHA1"));
                return MessageDigest.isEqual(expected, mac.doFinal(host.getBytes(StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                return false;
            }
        }
    }
}
