package org.udjat.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.udjat.api.Check;
import org.udjat.api.Platform;
import org.udjat.api.Settings;
import org.udjat.config.CheckSpec;

class ScriptWriterTest {

    private static final String TOKEN = "00112233445566778899aabbccddeeff";
    private final ScriptWriter writer = new ScriptWriter(Map.<String, Check>of(
            "load", new ScriptedCheck("load", Map.of(Platform.LINUX, "cat /proc/loadavg", Platform.FREEBSD, "sysctl -n vm.loadavg")),
            "broken", new BrokenCheck()));

    @Test
    void tokensAreFreshAnd128Bits() {
        String a = ScriptWriter.newToken();
        assertTrue(a.matches("[0-9a-f]{32}"), a);
        assertNotEquals(a, ScriptWriter.newToken());
        assertNotEquals(writer.write(List.of(), Platform.LINUX).token(), writer.write(List.of(), Platform.LINUX).token());
    }

    @Test
    void commandsAreSingleQuotedAndNamesNeverReachTheScript() {
        CheckSpec evil = Specs.command("x$(touch /tmp/pwned)'", "echo 'it''s' \"$HOME\"");
        BatchScript script = writer.write(List.of(evil), Platform.LINUX, TOKEN);
        assertFalse(script.text().contains("pwned"), script.text());
        assertTrue(script.text().contains("udjat_run 1 5 9 'echo '\\''it'\\'''\\''s'\\'' \"$HOME\"'\n"), script.text());
        assertTrue(script.text().contains("udjat_r=" + TOKEN + "\n"));
    }

    @Test
    void knownPlatformPicksTheVariantAndSkipsTheProbe() {
        BatchScript script = writer.write(List.of(Specs.extension("cpu", "load")), Platform.FREEBSD, TOKEN);
        assertFalse(script.probesPlatform());
        assertFalse(script.text().contains("uname"));
        assertTrue(script.text().contains("udjat_run 1 5 9 'sysctl -n vm.loadavg'"));
        assertFalse(script.text().contains("/proc/loadavg"));
    }

    @Test
    void checkWithoutVariantForAKnownPlatformGetsNoFrame() {
        BatchScript script = writer.write(List.of(Specs.command("a", "true"), Specs.extension("cpu", "load")), Platform.OPENBSD, TOKEN);
        BatchScript.Slot slot = script.slots().get(1);
        assertFalse(slot.framed());
        assertEquals("check load has no variant for platform openbsd", slot.notRunReason());
        assertEquals(1, script.slots().get(0).id());
    }

    @Test
    void unknownPlatformProbesAndChoosesOnTheHost() {
        BatchScript script = writer.write(List.of(Specs.extension("cpu", "load")), null, TOKEN);
        assertTrue(script.probesPlatform());
        assertNull(script.platform());
        assertTrue(script.text().contains("uname -s"));
        assertTrue(script.text().contains("case $udjat_platform in\n"
                + "linux) udjat_run 1 5 9 'cat /proc/loadavg';;\n"
                + "freebsd) udjat_run 1 5 9 'sysctl -n vm.loadavg';;\n"
                + "*) udjat_none 1;;\nesac\n"), script.text());
    }

    @Test
    void brokenOrMissingExtensionsDoNotRunAndSayWhy() {
        BatchScript script = writer.write(List.of(Specs.extension("b", "broken"), Specs.extension("m", "memory"),
                Specs.command("c", "true")), null, TOKEN);
        assertEquals("check broken could not build its command: java.lang.IllegalStateException: option table not loaded",
                script.slots().get(0).notRunReason());
        assertEquals("no check named \"memory\" is installed", script.slots().get(1).notRunReason());
        assertEquals(1, script.slots().get(2).id());
    }

    @Test
    void timeoutsRoundUpToWholeSecondsAndCapsToBlocks() {
        CheckSpec spec = new CheckSpec("t", null, "true", Settings.empty(), Duration.ofMillis(1500), 1024);
        BatchScript script = writer.write(List.of(spec), Platform.LINUX, TOKEN);
        assertEquals(2, script.slots().get(0).timeoutSeconds());
        // one block past the cap, so output that exactly fits is told from output that was cut
        assertTrue(script.text().contains("udjat_run 1 2 3 'true'"), script.text());
        assertEquals(1, ScriptText.timeoutSeconds(Duration.ZERO));
        assertEquals(1, ScriptText.outputBlocks(0));
        assertEquals(2, ScriptText.outputBlocks(513));
    }

    @Test
    void rejectsTokensThatAreNotHex() {
        assertThrows(IllegalArgumentException.class, () -> writer.write(List.of(), Platform.LINUX, "x; rm -rf /"));
    }
}
