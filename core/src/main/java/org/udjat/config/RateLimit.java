package org.udjat.config;

import java.time.Duration;

/**
 * At most {@code count} messages per {@code per}, over a sliding window ({@code rate_limit: 10/1h}).
 */
public record RateLimit(int count, Duration per) {
    public RateLimit {
        if (count < 1 || per == null || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive count and period");
        }
    }
}
