package org.opencrm.accountlifecycle.importer;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Moves the dates of a sample population so that it looks as of {@code now} instead of {@code samplesAsOf}, with each
 * day of the samples lasting {@code dayLength}: a date {@code t} becomes
 * {@code now - (samplesAsOf - t) * (dayLength / 1 day)}, exact to the nanosecond (rounded towards {@code now}). The
 * demo makes a day last seconds, so that a last login 10 days before the samples' date lies 20 seconds back when a
 * day lasts 2 seconds, and the countdowns it starts run out while one watches.
 */
public record DateWarp(Instant samplesAsOf, Instant now, Duration dayLength) {

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger NANOS_PER_DAY = nanos(Duration.ofDays(1));

    public DateWarp {
        Objects.requireNonNull(samplesAsOf, "samplesAsOf");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(dayLength, "dayLength");
        if (dayLength.isNegative() || dayLength.isZero()) {
            throw new IllegalArgumentException("dayLength must be positive, was " + dayLength);
        }
    }

    /** Leaves every date as it is. */
    public static DateWarp none() {
        return new DateWarp(Instant.EPOCH, Instant.EPOCH, Duration.ofDays(1));
    }

    /** The date that {@code sampleDate} of the samples becomes. */
    public Instant apply(Instant sampleDate) {
        BigInteger age = nanos(Duration.between(sampleDate, samplesAsOf));
        BigInteger[] secondsAndNanos =
                age.multiply(nanos(dayLength)).divide(NANOS_PER_DAY).divideAndRemainder(NANOS_PER_SECOND);
        Duration warpedAge = Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());

        return now.minus(warpedAge);
    }

    private static BigInteger nanos(Duration duration) {
        return BigInteger.valueOf(duration.getSeconds())
                .multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(duration.getNano()));
    }
}
