package org.opencrm.accountlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DaysTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Days CALENDAR_DAYS_IN_PARIS = new Days(Duration.ofDays(1), PARIS);

    @Test
    void shouldEndTheDayAtTheZonesMidnight() {
        // 15:20 in Paris, winter time (UTC+1)
        Instant afternoon = Instant.parse("2027-01-11T14:20:00Z");

        assertThat(CALENDAR_DAYS_IN_PARIS.endOfDay(afternoon)).isEqualTo(Instant.parse("2027-01-11T23:00:00Z"));
    }

    @Test
    void shouldKeepAnInstantThatStartsADay() {
        Instant midnightInParis = Instant.parse("2027-01-10T23:00:00Z");

        assertThat(CALENDAR_DAYS_IN_PARIS.endOfDay(midnightInParis)).isEqualTo(midnightInParis);
    }

    @Test
    void shouldEndTheDayOfTheLastMillisecondBeforeMidnightAtMidnight() {
        Instant justBefore = Instant.parse("2027-01-11T22:59:59.999Z");

        assertThat(CALENDAR_DAYS_IN_PARIS.endOfDay(justBefore)).isEqualTo(Instant.parse("2027-01-11T23:00:00Z"));
    }

    @Test
    void shouldCountCalendarDaysAcrossTheChangeToSummerTime() {
        // midnight in Paris on 2027-03-20; summer time starts on 2027-03-28, so ten days later midnight is at 22:00 UTC
        Instant midnight = Instant.parse("2027-03-19T23:00:00Z");

        assertThat(CALENDAR_DAYS_IN_PARIS.after(midnight, 10)).isEqualTo(Instant.parse("2027-03-29T22:00:00Z"));
        assertThat(Duration.between(midnight, CALENDAR_DAYS_IN_PARIS.after(midnight, 10)))
                .isEqualTo(Duration.ofHours(10 * 24 - 1));
    }

    @Test
    void shouldCutDemoDaysIntoSlicesCountedFromTheEpoch() {
        Days demoDays = new Days(Duration.ofSeconds(2), PARIS);

        assertThat(demoDays.endOfDay(Instant.parse("2027-01-11T14:20:01.250Z")))
                .isEqualTo(Instant.parse("2027-01-11T14:20:02Z"));
        assertThat(demoDays.endOfDay(Instant.parse("2027-01-11T14:20:02Z")))
                .isEqualTo(Instant.parse("2027-01-11T14:20:02Z"));
        assertThat(demoDays.after(Instant.parse("2027-01-11T14:20:02Z"), 30))
                .isEqualTo(Instant.parse("2027-01-11T14:21:02Z"));
    }

    @Test
    void shouldGiveTheDayOfAnInstantFromThePreviousMidnightExcludedToTheNextIncluded() {
        // the day the summer time starts in Paris lasts 23 hours
        Instant morning = Instant.parse("2027-03-28T08:00:00Z");

        ActivityDay day = CALENDAR_DAYS_IN_PARIS.dayOf(morning);

        assertThat(day)
                .isEqualTo(
                        new ActivityDay(Instant.parse("2027-03-27T23:00:00Z"), Instant.parse("2027-03-28T22:00:00Z")));
        assertThat(CALENDAR_DAYS_IN_PARIS.endOfDay(day.opensAfter())).isNotEqualTo(day.endsAt());
        assertThat(CALENDAR_DAYS_IN_PARIS.endOfDay(day.opensAfter().plusMillis(1)))
                .isEqualTo(day.endsAt());
    }

    @Test
    void shouldGiveTheDemoSliceOfAnInstant() {
        Days demoDays = new Days(Duration.ofSeconds(2), PARIS);

        assertThat(demoDays.dayOf(Instant.parse("2027-01-11T14:20:01.250Z")))
                .isEqualTo(
                        new ActivityDay(Instant.parse("2027-01-11T14:20:00Z"), Instant.parse("2027-01-11T14:20:02Z")));
    }

    @Test
    void shouldRefuseADayWithoutLength() {
        assertThatThrownBy(() -> new Days(Duration.ZERO, PARIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
