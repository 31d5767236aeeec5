package org.udjat.example.raid;

/**
 * A synchronisation the kernel is running, or waiting to run, on one array.
 *
 * @param action  what it does, as the platform names it: {@code resync}, {@code recovery},
 *                {@code check}, {@code repair}, {@code reshape} (Linux md), {@code synchronizing}
 *                (gmirror), {@code rebuild} or {@code resync} (graid)
 * @param percent how far it got, 0 to 100, or {@code NaN} when it has not started
 *                ({@code resync=DELAYED}, {@code resync=PENDING})
 * @param detail  the rest worth showing: {@code finish=17.0min}, {@code DELAYED}; may be empty
 */
record Sync(String action, double percent, String detail) {

    /**
     * True for the scrubs an administrator or a cron job starts on a healthy array
     * ({@code check}, {@code repair}): the array keeps its redundancy, so they are not a problem.
     */
    boolean routine() {
        return action.equals("check") || action.equals("repair");
    }

    /** {@code resync 8.5% (finish=17.0min)}, {@code resync DELAYED}. */
    String describe() {
        String done = Double.isNaN(percent) ? "" : " " + percentText(percent);
        String more = detail.isEmpty() ? "" : Double.isNaN(percent) ? " " + detail : " (" + detail + ")";
        return action + done + more;
    }

    static String percentText(double percent) {
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }
}
