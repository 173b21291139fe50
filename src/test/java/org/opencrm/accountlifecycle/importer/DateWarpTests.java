package org.opencrm.accountlifecycle.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateWarpTests {

    private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2027-03-15T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void shouldPutALoginOfTenDaysAgoTwentySecondsBackWhenADayLastsTwoSeconds() {
        DateWarp warp = new DateWarp(AS_OF, NOW, Duration.ofSeconds(2));

        Instant warped = warp.apply(AS_OF.minus(DAY.multipliedBy(10)));

        assertThat(warped).isEqualTo(Instant.parse("2027-03-15T09:59:40Z"));
    }

    @Test
    void shouldScaleFractionsOfADayWhenADayLastsTwoSeconds() {
        DateWarp warp = new DateWarp(AS_OF, NOW, Duration.ofSeconds(2));

        Instant warped = warp.apply(AS_OF.minus(Duration.ofHours(30)));

        assertThat(warped).isEqualTo(Instant.parse("2027-03-15T09:59:57.500Z"));
    }

    @Test
    void shouldMapTheAsOfDateToNowWhenTheSamplesAreWarped() {
        DateWarp warp = new DateWarp(AS_OF, NOW, Duration.ofSeconds(2));

        assertThat(warp.apply(AS_OF)).isEqualTo(NOW);
    }

    @Test
    void shouldOnlyShiftDatesWhenADayLastsADay() {
        DateWarp warp = new DateWarp(AS_OF, NOW, DAY);

        Instant warped = warp.apply(Instant.parse("2026-11-21T08:15:00Z"));

        assertThat(warped).isEqualTo(Instant.parse("2027-03-05T18:15:00Z"));
    }

    @Test
    void shouldKeepThreeYearOldDatesExactWhenADayLastsADay() {
        DateWarp warp = new DateWarp(AS_OF, AS_OF, DAY);
        Instant threeYearsBefore = Instant.parse("2023-12-01T07:30:15.123456789Z");

        assertThat(warp.apply(threeYearsBefore)).isEqualTo(threeYearsBefore);
    }

    @Test
    void shouldLeaveEveryDateAsItIsWhenThereIsNoWarp() {
        Instant date = Instant.parse("2024-02-29T23:59:59.999Z");

        assertThat(DateWarp.none().apply(date)).isEqualTo(date);
    }

    @Test
    void shouldRefuseTheWarpWhenTheDayLengthIsZero() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DateWarp(AS_OF, NOW, Duration.ZERO))
                .withMessage("dayLength must be positive, was PT0S");
    }
}
