package org.udjat.record;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;

/**
 * Converts a {@link Snapshot} to and from the bytes of {@code status.json}, refusing anything that
 * is not a complete status of the current format. Thread-safe.
 */
final class StatusCodec {
    private final ObjectMapper mapper = Json.mapper();

    byte[] encode(Snapshot snapshot) throws IOException {
        byte[] json = mapper.writeValueAsBytes(snapshot);
        byte[] withNewline = Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    /**
     * Decodes a status file.
     *
     * @throws CorruptStatusException with a short reason ({@code truncated JSON at line 3...},
     *                                {@code format version 2, this udjat reads version 1})
     */
    Snapshot decode(byte[] content) throws CorruptStatusException {
        if (content.length == 0) {
            throw new CorruptStatusException("the file is empty");
        }
        Snapshot snapshot;
        try {
            snapshot = mapper.readValue(content, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new CorruptStatusException(describe(e));
        } catch (IOException e) {
            throw new CorruptStatusException(IoReason.of(e));
        }
        validate(snapshot);
        return snapshot;
    }

    private static void validate(Snapshot snapshot) throws CorruptStatusException {
        if (snapshot == null) {
            throw new CorruptStatusException("it holds no status object");
        }
        if (snapshot.version() != Snapshot.CURRENT_VERSION) {
            throw new CorruptStatusException("format version " + snapshot.version()
                    + ", this udjat reads version " + Snapshot.CURRENT_VERSION);
        }
        for (HostState host : snapshot.hosts()) {
            if (host == null || host.host() == null || host.host().isBlank()) {
                throw new CorruptStatusException("a host has no name");
            }
            for (CheckState check : host.checks()) {
                if (check == null || check.check() == null || check.status() == null) {
                    throw new CorruptStatusException("host " + host.host() + ": a check has no name or status");
                }
            }
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = e.getOriginalMessage();
        if (what != null && what.contains("end-of-input")) {
            return "truncated JSON" + where;
        }
        String firstLine = what == null ? e.getClass().getSimpleName() : what.lines().findFirst().orElse("");
        return "invalid JSON" + where + ": " + firstLine;
    }

    /** A status file that cannot be used; the message is the reason alone, without the path. */
    static final class CorruptStatusException extends Exception {
        CorruptStatusException(String reason) {
            super(reason);
        }
    }
}
