package org.udjat.poll.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsRecorderTest {

    @TempDir
    Path tmp;

    final KnownHostsRecorder recorder = new KnownHostsRecorder();

    @Test
    void manyHostsAtOnceEachGetOneLine() throws Exception {
        Path file = tmp.resolve("sub/known_hosts");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HostKeyVerdict>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String token = "[127.0.0.1]:" + (2000 + i % 20); // every host twice
            byte[] key = KnownHostsFileTest.blob("ssh-ed25519", i % 20);
            results.add(pool.submit(() -> recorder.recordIfUnknown(file, token, key)));
        }
        int recorded = 0;
        for (Future<HostKeyVerdict> result : results) {
            recorded += result.get() == HostKeyVerdict.RECORDED ? 1 : 0;
        }
        pool.shutdown();

        assertEquals(20, recorded);
        List<String> lines = Files.readAllLines(file);
        assertEquals(20, lines.size());
        assertEquals(20, lines.stream().distinct().count());
    }

    @Test
    void aDifferentKeyRecordedMeanwhileIsAChange() throws Exception {
        Path file = tmp.resolve("known_hosts");
        recorder.recordIfUnknown(file, "web1", KnownHostsFileTest.blob("ssh-ed25519", 1));
        assertEquals(HostKeyVerdict.CHANGED, recorder.recordIfUnknown(file, "web1", KnownHostsFileTest.blob("ssh-ed25519", 2)));
        assertEquals(1, Files.readAllLines(file).size());
    }

    @Test
    void neverGluesOntoALastLineWithoutNewline() throws Exception {
        Path file = Files.writeString(tmp.resolve("known_hosts"), "# hand written");
        byte[] key = KnownHostsFileTest.blob("ssh-ed25519", 7);
        recorder.recordIfUnknown(file, "[::1]:2222", key);
        assertEquals(List.of("# hand written", "[::1]:2222 ssh-ed25519 " + KnownHostsFileTest.b64(key)), Files.readAllLines(file));
    }
}
