package org.udjat.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.udjat.api.Shell;
import org.udjat.testkit.ShellRunner;

/**
 * A directory of symlinks to BusyBox applets, to be the whole PATH of a {@code busybox sh}, so a
 * command finds exactly the applets it claims to need; and a way to run a command as user nobody.
 */
final class Applets {
    static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    private static final String NOBODY = "setpriv --reuid=65534 --regid=65534 --clear-groups";

    private Applets() {
    }

    /** Links the applets into the directory; fails when this BusyBox lacks one of them. */
    static Path link(Path dir, List<String> applets) throws IOException {
        Set<String> available = Set.copyOf(ShellRunner.sh(BUSYBOX + " --list").text().lines().toList());
        for (String applet : applets) {
            if (!available.contains(applet)) {
                throw new AssertionError("busybox has no " + applet);
            }
            Files.createSymbolicLink(dir.resolve(applet), BUSYBOX);
        }
        return dir;
    }

    /** Removes the links again, so the temporary directory's clean-up finds no link to outside it. */
    static void unlink(Path dir) throws IOException {
        try (var links = Files.list(dir)) {
            for (Path link : links.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    /** True when the tests run as root, where permissions stop nothing and nobody has to be used. */
    static boolean root() {
        return ShellRunner.sh("id -u").text().strip().equals("0");
    }

    /** The command under /bin/sh as nobody when running as root, else as this user. */
    static String shAsNobody(String command) {
        return root() ? "exec " + NOBODY + " /bin/sh -c " + Shell.quote(command) : command;
    }

    /** The command under {@code busybox sh} with PATH set to the applet directory, as nobody when running as root. */
    static String busyboxAsNobody(String command, Path applets) {
        String run = "env PATH=" + Shell.quote(applets.toString()) + " " + BUSYBOX + " sh -c " + Shell.quote(command);
        return "exec " + (root() ? NOBODY + " " : "") + run;
    }
}
