package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.Fixtures;
import org.udjat.testkit.ShellRunner;

/**
 * Runs the mailq check's command for real. No MTA is installed on this machine, so the real
 * result is the UNKNOWN that names what was looked for; the MTA formats are tested with
 * fixtures. The command's own logic (which MTA wins, Postfix's listing cut to its last line) is
 * run against small scripts standing in for postqueue and mailq.
 */
class MailQueueCheckLiveTest {
    private static final String NO_MTA = "MAILQ UNKNOWN - " + MailQueueCheck.NO_MTA;
    private final MailQueueCheck check = new MailQueueCheck();

    @Test
    void linuxCommandFindsNoMtaHere() {
        RawOutput out = ShellRunner.sh(check.command(Platform.LINUX, Settings.empty()).orElseThrow());
        assertEquals("udjat-mta: none\n", out.text());
        CheckOutcome o = check.parse(out, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals(NO_MTA, o.summary());
    }

    @Test
    void busyboxCommandFindsNoMtaHere(@TempDir Path dir) throws IOException {
        Path bin = Applets.link(dir, List.of("tail"));
        try {
            RawOutput out = ShellRunner.busybox(check.command(Platform.BUSYBOX, Settings.empty()).orElseThrow(), bin);
            assertEquals(NO_MTA, check.parse(out, Settings.empty()).summary());
        } finally {
            Applets.unlink(bin);
        }
    }

    @Test
    void postfixWinsOverMailqAndItsListingIsCutToTheSummaryLine(@TempDir Path dir) throws IOException {
        Path bin = Applets.link(dir, List.of("tail"));
        try {
            // a listing of 100,000 messages, about 10 MB: far past the output cap unless cut to its last line
            script(bin, "postqueue", "echo '-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------'\n"
                    + "i=0\nwhile [ $i -lt 100000 ]; do\n"
                    + "  printf '%s     1043 Thu Nov 14 03:21:07  root@example.org\\n                                   "
                    + "      ops@example.net\\n\\n' \"A$i\"\n  i=$((i + 1))\ndone\n"
                    + "echo '-- 101855 Kbytes in 100000 Requests.'\n");
            script(bin, "mailq", "echo 'Mail queue is empty'\n");
            RawOutput out = ShellRunner.busybox(check.command(Platform.BUSYBOX, Settings.empty()).orElseThrow(), bin);
            assertFalse(out.truncated());
            CheckOutcome o = check.parse(out, Fixtures.options("crit", 1000));
            assertEquals("MAILQ CRITICAL - 100000 messages (99.5 MiB) in the Postfix queue - queue triggers crit \"1000\"",
                    o.summary());

            Files.delete(bin.resolve("postqueue"));
            out = ShellRunner.busybox(check.command(Platform.BUSYBOX, Settings.empty()).orElseThrow(), bin);
            assertEquals("MAILQ OK - the mail queue (mailq) is empty", check.parse(out, Settings.empty()).summary());
        } finally {
            Applets.unlink(bin);
        }
    }

    /** An executable stand-in run by BusyBox's shell. */
    private static void script(Path bin, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!" + Applets.BUSYBOX + " sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void noMtaIsNotAnError() {
        // the tag line is printed with echo, so the command succeeds
        RawOutput out = ShellRunner.sh(MailQueueCheck.COMMAND);
        assertEquals(0, out.exitCode());
        assertTrue(out.text().startsWith(MtaOutput.TAG), out.text());
    }
}
