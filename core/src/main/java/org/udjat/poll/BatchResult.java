package org.udjat.poll;

import java.util.List;
import org.udjat.api.Platform;

/**
 * What the frames of one batched script said.
 *
 * @param platform the host's platform: the one the script was written for, else the one it
 *                 detected, or null when unknown
 * @param uname    what {@code uname -s} printed when the script probed the platform, else empty
 * @param runs     one run per configured check, in config order
 */
public record BatchResult(Platform platform, String uname, List<CheckRun> runs) {
    public BatchResult {
        uname = uname == null ? "" : uname;
        runs = List.copyOf(runs);
    }
}
