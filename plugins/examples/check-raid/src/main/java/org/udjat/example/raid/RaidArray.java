package org.udjat.example.raid;

import java.util.List;
import org.udjat.api.Status;

/**
 * One software RAID array as the host reported it, before thresholds are applied.
 *
 * @param name        the array as the platform names it: {@code md0}, {@code mirror/gm0}, {@code raid/r0}
 * @param description its level and member status for people: {@code raid1 [2/1] [U_]}, {@code DEGRADED}
 * @param redundant   true when the array keeps copies or parity (raid1/4/5/6/10, a mirror), so
 *                    that missing members are a measure worth graphing; false for raid0 and linear
 * @param slots       how many members the array should have, 0 when the platform does not say
 * @param missing     how many of those are missing or not in sync, 0 when none
 * @param sync        the synchronisation running or waiting on it, or null
 * @param state       the least status the array's own state implies, whatever the thresholds:
 *                    OK, WARNING (starting, a failed spare), CRITICAL (inactive, broken) or
 *                    UNKNOWN (a state this check does not know)
 * @param stateReason why {@code state} is not OK, for the summary; empty when it is OK
 * @param members     the member devices as listed, e.g. {@code sdb1[1](F)}
 */
record RaidArray(String name, String description, boolean redundant, int slots, int missing, Sync sync, Status state,
                 String stateReason, List<String> members) {
    RaidArray {
        members = List.copyOf(members);
    }
}
