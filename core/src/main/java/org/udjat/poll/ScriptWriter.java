package org.udjat.poll;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.Check;
import org.udjat.api.Platform;
import org.udjat.config.CheckSpec;

/**
 * Writes the batched POSIX sh script for one host; see {@link ScriptText} for the frame
 * format the script prints and {@link FrameReader} for reading it back.
 *
 * <p>Check commands are operator-written config and go into the script as shell code, each
 * inside a single-quoted string run by {@code eval}, so a syntax error in one command fails
 * only that check. Nothing else from the config (names, options) is put in the script: checks
 * are numbered. A check extension whose {@link Check#command} throws does not run and says
 * why. Thread-safe; a new random token is drawn for every script.
 */
public final class ScriptWriter {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 16;

    private final Map<String, Check> extensions;

    /** A writer that finds check extensions by name in the given map. */
    public ScriptWriter(Map<String, Check> extensions) {
        this.extensions = Map.copyOf(extensions);
    }

    /** A fresh 128-bit token as 32 lowercase hex digits. */
    public static String newToken() {
        byte[] b = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * The script for the given checks, in config order, with a fresh token.
     *
     * @param platform the host's platform when known (forced in config or remembered), or null
     *                 to let the script detect it and choose each extension's command on the host
     */
    public BatchScript write(List<CheckSpec> checks, Platform platform) {
        return write(checks, platform, newToken());
    }

    /** As {@link #write(List, Platform)} with a given token (hex digits only). */
    public BatchScript write(List<CheckSpec> checks, Platform platform, String token) {
        if (!token.matches("[0-9a-f]{16,}")) {
            throw new IllegalArgumentException("token must be at least 16 lowercase hex digits");
        }
        StringBuilder body = new StringBuilder();
        List<BatchScript.Slot> slots = new ArrayList<>();
        int nextId = 1;
        for (CheckSpec spec : checks) {
            long seconds = ScriptText.timeoutSeconds(spec.timeout());
            String reason = notRunReason(spec, platform);
            if (!reason.isEmpty()) {
                slots.add(new BatchScript.Slot(spec, 0, reason, seconds));
                continue;
            }
            int id = nextId++;
            slots.add(new BatchScript.Slot(spec, id, "", seconds));
            String run = "udjat_run " + id + " " + seconds + " " + ScriptText.outputBlocks(spec.outputCap()) + " ";
            if (!spec.isExtension()) {
                body.append(run).append(ScriptText.quote(spec.command())).append('\n');
            } else if (platform != null) {
                body.append(run).append(ScriptText.quote(variant(spec, platform).orElseThrow())).append('\n');
            } else {
                body.append("case $udjat_platform in\n");
                for (Platform p : Platform.values()) {
                    variant(spec, p).ifPresent(c -> body.append(p.key()).append(") ").append(run)
                            .append(ScriptText.quote(c)).append(";;\n"));
                }
                body.append("*) udjat_none ").append(id).append(";;\nesac\n");
            }
        }
        String text = ScriptText.PRELUDE.replace("@TOKEN@", token)
                + (platform == null ? ScriptText.PROBE : "")
                + body
                + ScriptText.EPILOGUE;
        return new BatchScript(token, text, platform, slots);
    }

    /** Why a check cannot be put in the script at all, or empty when it can. */
    private String notRunReason(CheckSpec spec, Platform platform) {
        if (!spec.isExtension()) {
            return spec.command() == null || spec.command().isBlank() ? "check has no command"
                    : spec.command().indexOf('\0') >= 0 ? "command contains a NUL byte" : "";
        }
        Check check = extensions.get(spec.check());
        if (check == null) {
            return "no check named \"" + spec.check() + "\" is installed";
        }
        try {
            for (Platform p : platform == null ? Platform.values() : new Platform[] {platform}) {
                check.command(p, spec.options());
            }
        } catch (RuntimeException e) {
            return "check " + spec.check() + " could not build its command: " + e;
        }
        if (platform != null && variant(spec, platform).isEmpty()) {
            return ScriptText.noVariant(spec.check(), platform.key());
        }
        return "";
    }

    private Optional<String> variant(CheckSpec spec, Platform platform) {
        Optional<String> command = extensions.get(spec.check()).command(platform, spec.options());
        return command == null ? Optional.empty() : command.filter(c -> !c.isBlank() && c.indexOf('\0') < 0);
    }
}
