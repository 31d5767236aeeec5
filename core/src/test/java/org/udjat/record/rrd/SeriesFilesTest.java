package org.udjat.record.rrd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.rrd4j.ConsolFun;
import org.rrd4j.DsType;
import org.rrd4j.core.RrdDb;
import org.rrd4j.core.RrdDef;
import org.rrd4j.core.RrdMemoryBackendFactory;

class SeriesFilesTest {

    @Test
    void expectedLengthIsTheLengthRrd4jGivesTheFile() throws IOException {
        RrdDef single = new RrdDef(URI.create("memory:/single"), 0, 60);
        single.addDatasource("u_B", DsType.GAUGE, 120, Double.NaN, Double.NaN);
        single.addArchive(ConsolFun.AVERAGE, 0.5, 1, 2880);
        single.addArchive(ConsolFun.MAX, 0.5, 30, 672);

        RrdDef several = new RrdDef(URI.create("memory:/several"), 0, 300);
        several.addDatasource("a", DsType.COUNTER, 600, 0, Double.NaN);
        several.addDatasource("a_name_longer_than_twenty_characters", DsType.GAUGE, 600, Double.NaN, Double.NaN);
        several.addDatasource("c", DsType.DERIVE, 600, Double.NaN, Double.NaN);
        for (ConsolFun f : new ConsolFun[] {ConsolFun.AVERAGE, ConsolFun.MIN, ConsolFun.MAX}) {
            several.addArchive(f, 0.5, 1, 100);
            several.addArchive(f, 0.5, 12, 777);
        }

        RrdMemoryBackendFactory memory = new RrdMemoryBackendFactory();
        for (RrdDef def : new RrdDef[] {single, several, new RrdLayout(org.udjat.config.RrdSettings.defaults(java.time.Duration.ofMinutes(1)))
                .define(URI.create("memory:/layout"), 0, SeriesKind.of(new org.udjat.api.PerfDatum("x", 1, "c", null, null,
                        null, null)))}) {
            try (RrdDb db = RrdDb.getBuilder().setRrdDef(def).setBackendFactory(memory).build()) {
                assertEquals(def.getEstimatedSize(), db.getRrdBackend().getLength(), def.getPath());
                assertEquals(db.getRrdDef().getEstimatedSize(), SeriesFiles.expectedLength(db), def.getPath());
                assertEquals(db.getRrdBackend().getLength(), SeriesFiles.expectedLength(db), def.getPath());
            }
        }
    }

    @Test
    void aFileUriGivesItsPathBackWhateverTheFolderIsCalled() {
        BoundedFileBackendFactory factory = new BoundedFileBackendFactory();
        for (String name : new String[] {"/var/lib/udjat/rrd/web1/load/load1.rrd", "/tmp/a b/%41/\u00e9t\u00e9/#x?y;z/q.rrd",
                "/tmp/x/../y/./z~2F.rrd", "/tmp/100%/[v6]:x@y.rrd"}) {
            java.nio.file.Path file = java.nio.file.Path.of(name);
            URI uri = BoundedFileBackendFactory.uri(file);
            assertEquals(file.normalize().toString(), factory.getPath(uri), name);
            assertEquals(file.normalize().toString(), factory.getPath(factory.getCanonicalUri(uri)), name);
            assertEquals(file.normalize().toUri(), java.nio.file.Path.of(uri).toUri(), name);
        }
    }
}
