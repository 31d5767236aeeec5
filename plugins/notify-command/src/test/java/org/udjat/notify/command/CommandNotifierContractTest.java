package org.udjat.notify.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.testkit.NotifierContract;

/** The command notifier against real /bin/sh scripts: one that keeps what it gets, one that fails, one that hangs. */
class CommandNotifierContractTest extends NotifierContract {
    @TempDir
    Path dir;
    private Path inbox;
    private Path deliver;
    private Path fail;
    private Path hang;

    @BeforeEach
    void writeScripts() throws Exception {
        inbox = dir.resolve("inbox.jsonl");
        // one JSON line per message; flock keeps messages sent at the same time from interleaving
        deliver = Scripts.write(dir, "deliver", "exec 9>>\"$INBOX.lock\"\nflock 9\ncat >> \"$INBOX\"\n");
        fail = Scripts.write(dir, "fail", "echo 'pager gateway: no route' >&2\nexit 1\n");
        hang = Scripts.write(dir, "hang", "sleep 600 &\necho $! > " + Shell.quote(dir.resolve("child.pid").toString())
                + "\nsleep 600\n");
    }

    /** After the hanging script ran: the background sleep it started was killed with it. */
    @AfterEach
    void theHangingScriptLeftNothingRunning() throws Exception {
        Path pid = dir.resolve("child.pid");
        if (Files.exists(pid)) {
            long child = Long.parseLong(Files.readString(pid).strip());
            assertTrue(Scripts.await(() -> Scripts.gone(child), Duration.ofSeconds(5)), "background child " + child + " still runs");
        }
    }

    @Override
    protected Notifier notifier() {
        return new CommandNotifier();
    }

    @Override
    protected Settings workingOptions() {
        return Settings.of(Map.of("command", List.of(deliver.toString()), "env", Map.of("INBOX", inbox.toString())));
    }

    @Override
    protected Settings failingOptions() {
        return Settings.of(Map.of("command", List.of(fail.toString())));
    }

    @Override
    protected Settings hangingOptions() {
        return Settings.of(Map.of("command", List.of(hang.toString())));
    }

    @Override
    protected List<Settings> invalidOptions() {
        return List.of(
                Settings.empty(),
                Settings.of(Map.of("command", "/usr/local/bin/page-me --urgent")),
                Settings.of(Map.of("command", List.of())),
                Settings.of(Map.of("command", List.of("bin/page-me"))),
                Settings.of(Map.of("command", List.of("/bin/true", List.of("nested")))),
                Settings.of(Map.of("command", List.of("/bin/true"), "env", List.of("A=1"))),
                Settings.of(Map.of("command", List.of("/bin/true"), "env", Map.of("BAD NAME", "x"))),
                Settings.of(Map.of("command", List.of("/bin/true"), "env", Map.of("UDJAT_SUBJECT", "forged"))),
                Settings.of(Map.of("command", List.of("/bin/true"), "pass_env", "PAGER_TOKEN")),
                Settings.of(Map.of("command", List.of("/bin/true"), "working_dir", "relative/dir")),
                Settings.of(Map.of("command", List.of("/bin/true"), "per_recipient", "yes")),
                Settings.of(Map.of("command", List.of("/bin/true"), "output_cap", "lots")),
                Settings.of(Map.of("command", List.of("/bin/true"), "output_cap", "2GiB")),
                Settings.of(Map.of("command", List.of("/bin/true"), "output_cap", "30s")));
    }

    @Override
    protected List<String> received() throws Exception {
        return Files.exists(inbox) ? Files.readAllLines(inbox) : List.of();
    }
}
