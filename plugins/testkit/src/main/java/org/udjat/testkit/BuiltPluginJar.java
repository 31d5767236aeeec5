package org.udjat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The plugin jar a module's build produced, as its integration tests see it: found through a system
 * property that the failsafe configuration sets (the build runs those tests after {@code package}),
 * with assertions on what a PF4J plugin for udjat must carry. Each method opens the jar anew; the
 * value can be shared by the tests of a class.
 */
public final class BuiltPluginJar {
    /** The packages the host provides: a copy in a plugin would clash with the host's. */
    public static final List<String> HOST_PACKAGES = List.of("org/udjat/api/", "org/pf4j/");

    private final Path jar;
    private final String version;

    private BuiltPluginJar(Path jar, String version) {
        this.jar = jar;
        this.version = version;
    }

    /**
     * The jar named by the system property {@code jarProperty}; asserts that it exists.
     *
     * @param versionProperty the system property holding the project's version, or null when the
     *                        build does not pass it (then {@link #version()} is null)
     */
    public static BuiltPluginJar fromProperty(String jarProperty, String versionProperty) {
        Path jar = Path.of(System.getProperty(jarProperty, "(" + jarProperty + " not set: run with mvn verify)"));
        String version = versionProperty == null ? null : System.getProperty(versionProperty);
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + "; run mvn verify");
        return new BuiltPluginJar(jar, version);
    }

    /** The jar file. */
    public Path path() {
        return jar;
    }

    /** The version the build passed, or null when it passes none. */
    public String version() {
        return version;
    }

    /** Asserts that the test's own classpath cannot load {@code className}: it may only come from the jar. */
    public static void assertNotOnHostClasspath(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
    }

    /**
     * Asserts the PF4J descriptor in the manifest: {@code Plugin-Id} is {@code pluginId}, {@code Plugin-Class}
     * is PF4J's plain plugin and, when the build passed a version, {@code Plugin-Version} is that version.
     *
     * @return the manifest's main attributes, for further checks
     */
    public Attributes assertDescriptor(String pluginId) throws IOException {
        try (JarFile file = open()) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals(pluginId, main.getValue("Plugin-Id"));
            if (version != null) {
                assertEquals(version, main.getValue("Plugin-Version"));
            }
            assertEquals("org.pf4j.Plugin", main.getValue("Plugin-Class"));
            return main;
        }
    }

    /** The class names in {@code META-INF/extensions.idx}, PF4J's index of the jar's extensions, without its comments. */
    public List<String> extensionIndex() throws IOException {
        try (JarFile file = open()) {
            JarEntry index = file.getJarEntry("META-INF/extensions.idx");
            assertNotNull(index, "META-INF/extensions.idx in " + jar);
            try (InputStream in = file.getInputStream(index)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
            }
        }
    }

    /** Asserts that PF4J's extension index lists {@code className}. */
    public void assertIndexes(String className) throws IOException {
        List<String> index = extensionIndex();
        assertTrue(index.contains(className), index.toString());
    }

    /** Asserts that the jar holds each of {@code entries}, e.g. a bundled library's class. */
    public void assertHolds(String... entries) throws IOException {
        try (JarFile file = open()) {
            for (String entry : entries) {
                assertNotNull(file.getEntry(entry), entry + " is bundled");
            }
        }
    }

    /**
     * Asserts that no entry of the jar lies under {@link #HOST_PACKAGES} or {@code morePrefixes}: the host
     * provides those, and a copy in the plugin would clash with it.
     */
    public void assertBundlesNoneOf(String... morePrefixes) throws IOException {
        List<String> prefixes = new java.util.ArrayList<>(HOST_PACKAGES);
        prefixes.addAll(List.of(morePrefixes));
        try (JarFile file = open()) {
            List<String> foreign = file.stream().map(JarEntry::getName)
                    .filter(n -> prefixes.stream().anyMatch(n::startsWith))
                    .toList();
            assertEquals(List.of(), foreign, "the host provides these; a copy in the plugin would clash with it");
        }
    }

    /** Copies the jar into {@code pluginsDir}, as an operator drops it there. */
    public Path copyInto(Path pluginsDir) {
        try {
            return Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JarFile open() throws IOException {
        return new JarFile(jar.toFile());
    }
}
