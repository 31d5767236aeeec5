package org.udjat.record.rrd;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.rrd4j.core.RrdBackend;
import org.rrd4j.core.RrdBackendAnnotation;
import org.rrd4j.core.RrdFileBackendFactory;

/**
 * Opens RRD files with {@link BoundedFileBackend}; opening a missing file throws
 * {@link java.nio.file.NoSuchFileException}, and a new file must be created (empty) before RRD4J
 * fills it. Stateless apart from RRD4J's bookkeeping; one
 * instance may serve a whole cycle. Given explicitly to every open, so RRD4J's global default
 * factory is never changed.
 */
@RrdBackendAnnotation(name = "UDJAT_FILE", scheme = "file", shouldValidateHeader = true)
final class BoundedFileBackendFactory extends RrdFileBackendFactory {

    @Override
    protected RrdBackend open(String path, boolean readOnly) throws IOException {
        return new BoundedFileBackend(path, readOnly);
    }

    /** Opening tells: one system call less per file than asking first. */
    @Override
    protected boolean exists(String path) {
        return true;
    }

    /** The absolute path, without resolving links as RRD4J would (five system calls per open, for nothing). */
    @Override
    public URI getCanonicalUri(URI uri) {
        Path file = uri.getScheme() == null ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
        return file.toAbsolutePath().normalize().toUri();
    }
}
