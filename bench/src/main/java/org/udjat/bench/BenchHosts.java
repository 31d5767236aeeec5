package org.udjat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.udjat.api.Platform;
import org.udjat.api.Settings;
import org.udjat.config.CheckSpec;
import org.udjat.config.HostSpec;
import org.udjat.config.Secret;
import org.udjat.config.SshSettings;

/**
 * The benchmark's hosts and checks, read from the tab-separated files {@code bench/run} writes:
 * {@code hosts.tsv} (name, address, port) and {@code checks.tsv} (name, expected exit code,
 * expected output prefix, command; {@code #} lines are comments). Every host gets every check.
 */
final class BenchHosts {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);
    private static final int OUTPUT_CAP = 64 * 1024;

    private BenchHosts() {
    }

    /** The hosts as udjat would have them after loading a config, all over SSH with the given login. */
    static List<HostSpec> read(Path hostsFile, Path checksFile, SshSettings ssh) throws IOException {
        List<CheckSpec> checks = new ArrayList<>();
        for (String[] f : rows(checksFile, 4)) {
            checks.add(new CheckSpec(f[0], null, f[3], Settings.empty(), CHECK_TIMEOUT, OUTPUT_CAP));
        }
        List<HostSpec> hosts = new ArrayList<>();
        for (String[] f : rows(hostsFile, 3)) {
            hosts.add(new HostSpec(f[0], f[1], Integer.parseInt(f[2]), HostSpec.Transport.SSH, Platform.LINUX,
                    List.of(), List.of(), ssh, checks));
        }
        return hosts;
    }

    /** Login settings for the benchmark user, with generous timeouts: a slow host must show up as slow, not failed. */
    static SshSettings ssh(String user, Path key, Path knownHosts) {
        return new SshSettings(user, key, Secret.NONE, knownHosts, false, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    private static List<String[]> rows(Path file, int fields) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", fields);
            if (f.length != fields) {
                throw new IOException(file + ": expected " + fields + " tab-separated fields in: " + line);
            }
            rows.add(f);
        }
        return rows;
    }
}
