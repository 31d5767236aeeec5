package org.udjat.poll;

import java.util.Map;
import java.util.Optional;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.NagiosOutput;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;

/** A check extension with a fixed command per platform, for tests. */
record ScriptedCheck(String name, Map<Platform, String> commands) implements Check {

    /** A check with the same command on Linux and BusyBox and none elsewhere. */
    static ScriptedCheck linuxish(String name, String command) {
        return new ScriptedCheck(name, Map.of(Platform.LINUX, command, Platform.BUSYBOX, command));
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.ofNullable(commands.get(platform));
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        return NagiosOutput.parse(output);
    }
}
