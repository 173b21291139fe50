package org.opencrm.accountlifecycle.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How the days of the settings fall on the time line: calendar days of the configured zone in real use (a day ends at
 * local midnight, and a day across a change of summer time lasts 23 or 25 hours), or slices of a fixed length counted
 * from the epoch when the demo shortens a day to seconds.
 *
 * @param length how long a day lasts; {@code P1D} means calendar days
 * @param zone where a calendar day ends
 */
record Days(Duration length, ZoneId zone) {

    private static final Duration CALENDAR_DAY = Duration.ofDays(1);

    Days {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a day must last a positive time, was " + length);
        }
    }

    /** The end of the day that holds {@code instant}; an instant that starts a day is its own end of day. */
    Instant endOfDay(Instant instant) {
        if (isCalendar()) {
            ZonedDateTime startOfDay = instant.atZone(zone).toLocalDate().atStartOfDay(zone);
            return startOfDay.toInstant().equals(instant)
                    ? instant
                    : startOfDay.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        }
        // the engine keeps due dates to the millisecond
        long sliceMillis = Math.max(1, length.toMillis());
        return Instant.ofEpochMilli(-Math.floorDiv(-instant.toEpochMilli(), sliceMillis) * sliceMillis);
    }

    /**
     * The day that holds {@code instant}, as {@link #endOfDay} counts it: every instant after {@code opensAfter} up to
     * {@code endsAt} has the same end of day, and so gives a countdown the same due dates.
     */
    ActivityDay dayOf(Instant instant) {
        Instant endsAt = endOfDay(instant);
        return new ActivityDay(after(endsAt, -1), endsAt);
    }

    /** {@code count} days after {@code instant}, at the same local time for calendar days. */
    Instant after(Instant instant, int count) {
        if (isCalendar()) {
            ZonedDateTime local = instant.atZone(zone);
            LocalDate day = local.toLocalDate().plusDays(count);
            return ZonedDateTime.of(day, local.toLocalTime(), zone).toInstant();
        }
        return instant.plus(length.multipliedBy(count));
    }

    private boolean isCalendar() {
        return length.equals(CALENDAR_DAY);
    }
}
