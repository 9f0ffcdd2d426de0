package org.nocturne.core.night;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time, both ends included.
 *
 * @param start first instant
 * @param end last instant, not before {@code start}
 */
public record TimeWindow(Instant start, Instant end) {

    /** @throws IllegalArgumentException when the end comes before the start */
    public TimeWindow {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Window ends at " + end + ", before it starts at " + start);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && !instant.isAfter(end);
    }
}
