package org.udjat.poll;

import java.util.Optional;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;

/** A check extension whose command cannot be built, as a buggy plugin's. */
final class BrokenCheck implements Check {

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        throw new IllegalStateException("option table not loaded");
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        return CheckOutcome.unknown("never parsed", "");
    }
}
