package org.udjat.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.udjat.api.Settings;

/**
 * A check's {@code remediate:} block: which remediator acts on what when the check's failure has
 * lasted long enough, and the safety limits around it.
 *
 * @param with    the {@code Remediator.type()} that acts
 * @param target  what it acts on (a service name, a pid file...), handed to the remediator as written
 * @param after   how long the failure must have lasted in HARD state before anything is done
 * @param max     at most this many actions on the same host and target ...
 * @param per     ... within this sliding window, counted over the actions on record
 * @param mode    act, ask a human first, or only record what would have been done
 * @param timeout how long the remediator's command may run on the host
 * @param options the remediator's own options, already validated by it
 */
public record RemedySpec(String with, String target, Duration after, int max, Duration per, Mode mode,
                         Duration timeout, Settings options) {
    /** Actions on a target within {@link #DEFAULT_PER}, unless the config says otherwise. */
    public static final int DEFAULT_MAX = 5;
    /** The default sliding window of {@code max}. */
    public static final Duration DEFAULT_PER = Duration.ofMinutes(20);
    /** The default time a remediator's command may run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The default {@code after}, in intervals: the failure is real when it outlasted two cycles in HARD state. */
    public static final int DEFAULT_AFTER_INTERVALS = 2;

    /** What a remediation does when it is due. */
    public enum Mode {
        /** run the remediator's command */
        AUTO,
        /** queue a request that a human approves or denies with {@code udjat remediate} */
        APPROVE,
        /** record what would have been done, and do nothing */
        DRY_RUN;

        /** {@code auto}, {@code approve}, {@code dry-run}: as written in the config. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public RemedySpec {
        Objects.requireNonNull(with, "with");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
        options = options == null ? Settings.empty() : options;
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
    }
}
