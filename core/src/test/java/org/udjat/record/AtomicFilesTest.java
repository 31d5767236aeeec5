package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writeReplacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("status.json");
        AtomicFiles.write(target, bytes("old"));
        AtomicFiles.write(target, bytes("new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("status.json"), names(tmp));
    }

    @Test
    void failedRename_keepsTheOldTargetAndRemovesTheTemporaryFile() throws IOException {
        // a non-empty directory cannot be replaced by a file, even by root
        Path target = tmp.resolve("status.json");
        Files.createDirectories(target.resolve("inside"));

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, bytes("new")));

        assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
        assertTrue(Files.isDirectory(target.resolve("inside")));
        assertEquals(List.of("status.json"), names(tmp));
    }

    @Test
    void temporaryFileThatCannotBeCreated_keepsTheOldTarget() throws IOException {
        Path target = tmp.resolve("status.json");
        AtomicFiles.write(target, bytes("old"));
        Files.createDirectories(AtomicFiles.temporaryFor(target).resolve("blocker"));

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, bytes("new")));

        assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
        assertEquals("old", Files.readString(target));
    }

    @Test
    void temporaryFileLeftByACrash_isReplacedByTheNextWrite() throws IOException {
        Path target = tmp.resolve("history.json");
        Files.writeString(AtomicFiles.temporaryFor(target), "half a fil");
        AtomicFiles.write(target, bytes("whole"));
        assertEquals("whole", Files.readString(target));
        assertEquals(List.of("history.json"), names(tmp));
    }

    @Test
    void missingDirectory_isReportedWithTheTarget() {
        Path target = tmp.resolve("gone/status.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, bytes("x")));
        assertEquals("cannot write " + target + ": no such file or directory", e.getMessage());
    }

    @Test
    void rewriteKeepsThePreviousVersionAsTheSpareAndReusesItsFile() throws IOException {
        Path target = tmp.resolve("index.html");
        AtomicFiles.rewrite(target, bytes("first"));
        assertEquals(List.of("index.html"), names(tmp));
        Object firstFile = inode(target);

        AtomicFiles.rewrite(target, bytes("second, longer"));
        Object secondFile = inode(target);
        assertEquals("second, longer", Files.readString(target));
        assertEquals("first", Files.readString(tmp.resolve(".index.html.tmp")));
        assertEquals(List.of(".index.html.tmp", "index.html"), names(tmp));

        AtomicFiles.rewrite(target, bytes("3rd"));
        assertEquals("3rd", Files.readString(target), "a shorter version is cut to size");
        assertEquals(firstFile, inode(target), "the spare's file took the new version");
        assertEquals(secondFile, inode(tmp.resolve(".index.html.tmp")));
        assertEquals(List.of(".index.html.tmp", "index.html"), names(tmp));
    }

    @Test
    void rewriteLeavesAReaderOfTheOldVersionItsWholeContent() throws IOException {
        Path target = tmp.resolve("index.html");
        AtomicFiles.rewrite(target, bytes("old ".repeat(5000)));
        try (var reader = Files.newInputStream(target)) {
            AtomicFiles.rewrite(target, bytes("new"));
            assertEquals("old ".repeat(5000), new String(reader.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals("new", Files.readString(target));
    }

    @Test
    void rewriteRecoversFromALinkLeftByACrash() throws IOException {
        Path target = tmp.resolve("index.html");
        AtomicFiles.rewrite(target, bytes("one"));
        AtomicFiles.rewrite(target, bytes("two"));
        Files.createLink(tmp.resolve(".index.html.old"), target);

        AtomicFiles.rewrite(target, bytes("three"));

        assertEquals("three", Files.readString(target));
        assertEquals("two", Files.readString(tmp.resolve(".index.html.tmp")));
        assertEquals(List.of(".index.html.tmp", "index.html"), names(tmp));
    }

    @Test
    void rewriteThatCannotWriteKeepsTheTarget() throws IOException {
        Path target = tmp.resolve("index.html");
        AtomicFiles.rewrite(target, bytes("old"));
        Files.createDirectories(AtomicFiles.temporaryFor(target).resolve("blocker"));

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.rewrite(target, bytes("new")));

        assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
        assertEquals("old", Files.readString(target));
    }

    private static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino");
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
