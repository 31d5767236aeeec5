package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {
    @TempDir
    Path tmp;

    @Test
    void openCreatesTheDirectoryAndLeavesNothingInIt() throws IOException {
        Path path = tmp.resolve("a/b/state");
        StateDir dir = StateDir.open(path);
        assertTrue(Files.isDirectory(path));
        assertEquals(List.of(), AtomicFilesTest.names(path));
        assertEquals(path.resolve("status.json"), dir.statusFile());
        assertEquals(path.resolve("status.json.bak"), dir.statusBackup());
        assertEquals(path.resolve("history.jsonl"), dir.historyFile());
        assertEquals(path.resolve("udjat.lock"), dir.lockFile());
    }

    @Test
    void pathUnderARegularFile_cannotBeCreated() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        StateDirException e = assertThrows(StateDirException.class, () -> StateDir.open(file.resolve("state")));
        assertTrue(e.getMessage().startsWith("state directory " + file.resolve("state") + ": cannot be created ("),
                e.getMessage());
    }

    @Test
    void regularFile_isNotADirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        StateDirException e = assertThrows(StateDirException.class, () -> StateDir.open(file));
        assertEquals("state directory " + file + ": exists but is not a directory", e.getMessage());
    }

    @Test
    void directoryThatRefusesWrites_isNotWritable() {
        // /proc refuses new files even to root, unlike a chmod'ed directory
        StateDirException e = assertThrows(StateDirException.class, () -> StateDir.open(Path.of("/proc")));
        assertTrue(e.getMessage().startsWith("state directory /proc: not writable ("), e.getMessage());
    }
}
