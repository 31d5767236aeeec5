package org.udjat.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin jar in a test: compiles Java sources against the test's own
 * classpath (so PF4J's annotation processor writes {@code META-INF/extensions.idx}) and packs
 * them with the {@code Plugin-*} manifest entries. Not thread-safe; one builder per jar.
 */
public final class PluginJar {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();

    private PluginJar(String id, String version) {
        if (id != null) {
            manifest.put("Plugin-Id", id);
        }
        manifest.put("Plugin-Version", version);
        manifest.put("Plugin-Class", "org.pf4j.Plugin");
    }

    /** A plugin with the given id and version; the plugin class defaults to PF4J's plain {@code Plugin}. */
    public static PluginJar plugin(String id, String version) {
        return new PluginJar(id, version);
    }

    /** A jar whose descriptor has no {@code Plugin-Id}, which PF4J must reject. */
    public static PluginJar withoutId() {
        return new PluginJar(null, "1.0.0");
    }

    /** Adds a source file; {@code className} is fully qualified. */
    public PluginJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Sets or overrides a manifest entry such as {@code Plugin-Class}. */
    public PluginJar manifest(String key, String value) {
        manifest.put(key, value);
        return this;
    }

    /**
     * Compiles the sources and writes the jar.
     *
     * @throws IllegalStateException with the compiler's messages when compilation fails
     */
    public Path writeTo(Path jar) {
        try {
            Path work = Files.createTempDirectory("plugin-src");
            Path classes = Files.createDirectories(work.resolve("classes"));
            if (!sources.isEmpty()) {
                compile(work, classes);
            }
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jos.write(Files.readAllBytes(file));
                    jos.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path work, Path classes) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: run the tests on a JDK, not a JRE");
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int rc = compiler.run(null, messages, messages, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("plugin sources did not compile:\n" + messages.toString(StandardCharsets.UTF_8));
        }
    }
}
