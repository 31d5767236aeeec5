package org.udjat.poll;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.udjat.api.Platform;
import org.udjat.config.CheckSpec;

/**
 * The one POSIX sh script that runs every check of one host, with what is needed to read its
 * output back: the cycle's framing token and, for each configured check, the frame it will
 * produce or the reason it will not run.
 *
 * @param token    the random hex token that starts every frame line; never shown to checks
 * @param text     the script, to be fed to {@code /bin/sh -s}
 * @param platform the platform the commands were chosen for, or null when the script probes it
 * @param slots    one per configured check, in config order
 */
public record BatchScript(String token, String text, Platform platform, List<Slot> slots) {

    public BatchScript {
        slots = List.copyOf(slots);
    }

    /** The script as UTF-8 bytes, as a transport sends it. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** True when the script detects the host's platform itself and reports it in a meta frame. */
    public boolean probesPlatform() {
        return platform == null;
    }

    /**
     * One configured check's place in the script.
     *
     * @param spec           the check as configured
     * @param id             its frame id (1, 2, ...), or 0 when it gets no frame
     * @param notRunReason   why it does not run at all (no variant for the platform, unknown check); empty when it runs
     * @param timeoutSeconds the whole seconds the script lets it run
     */
    public record Slot(CheckSpec spec, int id, String notRunReason, long timeoutSeconds) {
        public Slot {
            notRunReason = notRunReason == null ? "" : notRunReason;
        }

        /** True when the script produces a frame for this check. */
        public boolean framed() {
            return id > 0;
        }
    }
}
