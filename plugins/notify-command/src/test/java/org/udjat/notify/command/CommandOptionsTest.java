package org.udjat.notify.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;

/** What a user may write for a command channel, and the messages for what they may not. */
class CommandOptionsTest {
    private final CommandNotifier notifier = new CommandNotifier();

    @Test
    void aPlainStringCommandIsRejectedWithAMessageThatSaysToUseAList() {
        List<ConfigProblem> problems = notifier.validate(Settings.of(Map.of("command", "page-me --urgent")));
        assertEquals(List.of(new ConfigProblem("command", "expected a list like [/usr/local/bin/page-me, --urgent],"
                + " got \"page-me --urgent\"; the program runs without a shell: for one, write [/bin/sh, -c, \"...\"]")),
                problems);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("command", List.of("./page-me", Map.of("a", 1)));
        bad.put("env", Map.of("NAGIOS_HOSTNAME", "forged"));
        bad.put("pass_env", List.of("has-dash"));
        bad.put("working_dir", "tmp");
        bad.put("per_recipient", "no");
        bad.put("output_cap", "0");
        List<String> keys = notifier.validate(Settings.of(bad)).stream().map(ConfigProblem::key).toList();
        assertEquals(List.of("command[0]", "command[1]", "env", "pass_env", "working_dir", "per_recipient", "output_cap"), keys);
    }

    @Test
    void messagesQuoteWhatWasWritten() {
        Map<String, String> messages = new LinkedHashMap<>();
        notifier.validate(Settings.of(Map.of("command", List.of("/bin/true"), "output_cap", "lots",
                "env", Map.of("UDJAT_ID", "x"), "working_dir", "var/tmp")))
                .forEach(p -> messages.put(p.key(), p.message()));
        assertEquals("expected a size like \"4KiB\" between 1B and 1MiB, got \"lots\"", messages.get("output_cap"));
        assertEquals("\"UDJAT_ID\" is set by udjat: UDJAT_ and NAGIOS_ names are its own", messages.get("env"));
        assertEquals("expected an absolute path like /var/lib/udjat, got \"var/tmp\"", messages.get("working_dir"));
    }

    @Test
    void defaultsAndWrittenValuesAreRead() {
        CommandOptions plain = CommandOptions.read(Settings.of(Map.of("command", List.of("page-me"))));
        assertEquals(new CommandOptions(List.of("page-me"), Map.of(), List.of(), Path.of("/"), true, 4096), plain);

        CommandOptions all = CommandOptions.read(Settings.of(Map.of("command", List.of("/usr/local/bin/page-me", "--urgent", 3),
                "env", Map.of("QUEUE", "ops", "RETRIES", 2), "pass_env", List.of("PAGER_TOKEN"),
                "working_dir", "/var/tmp", "per_recipient", false, "output_cap", "64KiB")));
        assertEquals(List.of("/usr/local/bin/page-me", "--urgent", "3"), all.command());
        assertEquals(Map.of("QUEUE", "ops", "RETRIES", "2"), all.env());
        assertEquals(List.of("PAGER_TOKEN"), all.passEnv());
        assertEquals(Path.of("/var/tmp"), all.workingDir());
        assertFalse(all.perRecipient());
        assertEquals(65536, all.outputCap());
        assertEquals(100, CommandOptions.read(Settings.of(Map.of("command", List.of("x"), "output_cap", 100))).outputCap());
    }

    @Test
    void perRecipientSaysWhetherTheChannelAddressesPeople() {
        assertTrue(notifier.addressesPeople(Settings.of(Map.of("command", List.of("x")))));
        assertFalse(notifier.addressesPeople(Settings.of(Map.of("command", List.of("x"), "per_recipient", false))));
        assertTrue(notifier.addressesPeople(Settings.of(Map.of("per_recipient", "garbage"))));
    }

    @Test
    void optionNamesAreEveryKeyAndNotType() {
        assertEquals(java.util.Set.of("command", "env", "pass_env", "working_dir", "per_recipient", "output_cap"),
                notifier.optionNames());
    }
}
