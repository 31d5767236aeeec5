package org.udjat.record;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second udjat process for lock tests, since locks inside one JVM behave differently.
 * {@code hold <dir>}: takes the lock, prints {@code LOCKED}, holds it until stdin closes.
 * {@code try <dir>}: tries once, prints {@code LOCKED} (exit 0) or {@code HELD <message>} (exit 3).
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws IOException {
        StateDir dir = StateDir.open(Path.of(args[1]));
        try (CycleLock lock = dir.lock()) {
            System.out.println("LOCKED " + lock.holder().pid());
            System.out.flush();
            if (args[0].equals("hold")) {
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (LockHeldException e) {
            System.out.println("HELD " + e.getMessage());
            System.out.flush();
            System.exit(3);
        }
    }
}
