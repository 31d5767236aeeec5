package org.udjat.record.rrd;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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

    /**
     * The URI of a file, as RRD4J takes it: made from the path's text, where {@link Path#toUri()} asks the
     * file system whether it is a folder (a system call per file, two per update with RRD4J's own canonical
     * form). {@link #getPath(URI)} gives the path back exactly.
     */
    static URI uri(Path file) {
        try {
            return new URI("file", null, file.toAbsolutePath().normalize().toString(), null);
        } catch (URISyntaxException e) {
            return file.toAbsolutePath().normalize().toUri();
        }
    }

    /** The absolute path, without resolving links as RRD4J would (five system calls per open, for nothing). */
    @Override
    public URI getCanonicalUri(URI uri) {
        if (isFile(uri)) {
            return uri.normalize(); // absolute already
        }
        Path file = uri.getScheme() == null ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
        return uri(file);
    }

    /** The path of a file URI, without going through {@link Path}. */
    @Override
    public String getPath(URI uri) {
        return isFile(uri) ? uri.getPath() : super.getPath(uri);
    }

    private static boolean isFile(URI uri) {
        return "file".equals(uri.getScheme()) && !uri.isOpaque() && uri.getRawAuthority() == null
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getPath().startsWith("/");
    }
}
