package org.udjat.dispatch.remedy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.udjat.api.Platform;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.api.Shell;

/** Small real remediators for the engine's tests: their commands run through /bin/sh on this machine. */
final class TestRemediators {
    private TestRemediators() {
    }

    /** Every remediator below by type. */
    static Map<String, Remediator> all() {
        Map<String, Remediator> all = new LinkedHashMap<>();
        for (Remediator r : new Remediator[] {new Touch(), new Failing(), new Throwing(), new Hanging(), new Sleeping()}) {
            all.put(r.type(), r);
        }
        return all;
    }

    /** "Restarts" a service: appends a line to {@code <dir>/<target>.log} and touches {@code <dir>/<target>}. */
    static final class Touch implements Remediator {
        @Override
        public String type() {
            return "touch";
        }

        @Override
        public Set<String> optionNames() {
            return Set.of("dir");
        }

        @Override
        public Verb verb() {
            return new Verb("restart", "restarted", "restarting");
        }

        @Override
        public Optional<String> command(Platform platform, String target, Settings options) {
            Path file = Path.of(options.string("dir").orElseThrow()).resolve(target);
            return Optional.of("echo acted >> " + Shell.quote(file + ".log") + " && touch " + Shell.quote(file.toString())
                    + " && echo " + Shell.quote(target + " restarted"));
        }
    }

    /** A command that fails as systemctl does for an unknown unit. */
    static final class Failing implements Remediator {
        @Override
        public String type() {
            return "failing";
        }

        @Override
        public Optional<String> command(Platform platform, String target, Settings options) {
            return Optional.of("echo " + Shell.quote("Unit " + target + ".service not found.") + "; exit 5");
        }
    }

    /** A broken plugin: building its command throws. */
    static final class Throwing implements Remediator {
        @Override
        public String type() {
            return "throwing";
        }

        @Override
        public Optional<String> command(Platform platform, String target, Settings options) {
            throw new IllegalStateException("boom");
        }
    }

    /** A broken plugin: building its command never returns. */
    static final class Hanging implements Remediator {
        @Override
        public String type() {
            return "hanging";
        }

        @Override
        public Optional<String> command(Platform platform, String target, Settings options) {
            try {
                Thread.sleep(3_600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("true");
        }
    }

    /** A command that hangs on the host, killed at the remediation's timeout. */
    static final class Sleeping implements Remediator {
        @Override
        public String type() {
            return "sleeping";
        }

        @Override
        public Optional<String> command(Platform platform, String target, Settings options) {
            return Optional.of("sleep 600");
        }
    }
}
