package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CycleLockTest {
    @TempDir
    Path tmp;

    @Test
    void lockHeldByAnotherProcess_refusesAndSaysWhoWithoutTouchingTheFile() throws IOException {
        StateDir dir = StateDir.open(tmp);
        try (ChildJvm child = ChildJvm.start("hold", tmp)) {
            assertEquals("LOCKED " + child.pid(), child.firstLine());
            byte[] before = Files.readAllBytes(dir.lockFile());

            LockHeldException e = assertThrows(LockHeldException.class, dir::lock);

            assertTrue(e.getMessage().startsWith("another udjat run (pid " + child.pid() + ", started "), e.getMessage());
            assertTrue(e.getMessage().endsWith(") holds " + dir.lockFile() + "; exiting without touching anything"),
                    e.getMessage());
            assertEquals(child.pid(), e.holder().orElseThrow().pid());
            assertArrayEquals(before, Files.readAllBytes(dir.lockFile()));
            child.release();
        }
        try (CycleLock lock = dir.lock()) {
            assertEquals(ProcessHandle.current().pid(), lock.holder().pid());
            assertTrue(lock.previousHolder().isEmpty(), "a clean release leaves nothing behind");
        }
    }

    @Test
    void lockHeldHere_isRefusedByAnotherProcessAndReleasedOnClose() throws IOException {
        StateDir dir = StateDir.open(tmp);
        try (CycleLock lock = dir.lock(); ChildJvm child = ChildJvm.start("try", tmp)) {
            String line = child.firstLine();
            assertTrue(line.startsWith("HELD another udjat run (pid " + lock.holder().pid() + ","), line);
            assertEquals(3, child.waitFor());
        }
        try (ChildJvm child = ChildJvm.start("try", tmp)) {
            assertEquals("LOCKED " + child.pid(), child.firstLine());
            assertEquals(0, child.waitFor());
        }
    }

    @Test
    void secondLockInTheSameProcess_isRefusedAndTheFirstStaysHeld() throws IOException {
        StateDir dir = StateDir.open(tmp);
        try (CycleLock first = dir.lock()) {
            LockHeldException e = assertThrows(LockHeldException.class, dir::lock);
            assertTrue(e.getMessage().startsWith("this udjat process (pid " + first.holder().pid()), e.getMessage());
            // another StateDir object on the same directory is the same lock file
            assertThrows(LockHeldException.class, () -> StateDir.open(tmp.resolve(".")).lock());
            try (ChildJvm child = ChildJvm.start("try", tmp)) {
                assertTrue(child.firstLine().startsWith("HELD "), "the refused attempt must not release the first lock");
            }
        }
    }

    @Test
    void lockFileOfAKilledRun_doesNotBlockAndIsReportedAsPreviousHolder() throws IOException {
        StateDir dir = StateDir.open(tmp);
        long deadPid;
        try (ChildJvm child = ChildJvm.start("hold", tmp)) {
            assertEquals("LOCKED " + child.pid(), child.firstLine());
            deadPid = child.pid();
            child.kill();
        }
        try (CycleLock lock = dir.lock()) {
            assertEquals(deadPid, lock.previousHolder().orElseThrow().pid());
            String content = Files.readString(dir.lockFile());
            assertTrue(content.contains("\"pid\":" + ProcessHandle.current().pid()), content);
        }
        assertEquals(0, Files.size(dir.lockFile()), "released cleanly: emptied, not deleted");
    }

    @Test
    void garbageInALockFileNobodyHolds_doesNotBlock() throws IOException {
        StateDir dir = StateDir.open(tmp);
        Files.write(dir.lockFile(), "{\"pid\": 999999999, \"started\": \"not a ti".getBytes(StandardCharsets.UTF_8));
        try (CycleLock lock = dir.lock()) {
            assertTrue(lock.previousHolder().isEmpty());
            assertTrue(Files.readString(dir.lockFile()).startsWith("{\"pid\":" + ProcessHandle.current().pid()));
        }
    }

    @Test
    void closeIsIdempotentAndTheLockCanBeTakenAgain() throws IOException {
        StateDir dir = StateDir.open(tmp);
        CycleLock lock = dir.lock();
        lock.close();
        lock.close();
        try (CycleLock again = dir.lock()) {
            assertEquals(dir.lockFile(), again.file());
        }
    }

    @Test
    void holderIsDescribedForAnOperator() {
        Clock now = Clock.fixed(Instant.parse("2024-05-01T12:00:41Z"), ZoneOffset.UTC);
        LockHolder holder = new LockHolder(1234, Instant.parse("2024-05-01T12:00:01Z"), "java -jar udjat.jar run\n");
        assertEquals("pid 1234, started 12:00:01, 40s ago, command: java -jar udjat.jar run", holder.describe(now));
        LockHolder old = new LockHolder(77, Instant.parse("2024-04-29T09:30:00Z"), "");
        assertEquals("pid 77, started 2024-04-29 09:30:00, 2d 2h ago", old.describe(now));
    }
}
