package org.opencrm.accountlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.opencrm.accountlifecycle.settings.InactivityMode;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;

class CountdownTests {

    private static final Days DAYS_IN_PARIS = new Days(Duration.ofDays(1), ZoneId.of("Europe/Paris"));

    @Test
    void shouldWarnAndDeleteAtMidnightAfterWholeDaysWithoutActivity() {
        LifecycleSettings settings = settings(30, 60);
        // a login at 10:00 in Paris on 2027-01-11: the first day without activity is 2027-01-12
        Countdown countdown = new Countdown(Instant.parse("2027-01-11T00:00:00Z"), settings, DAYS_IN_PARIS);

        assertThat(countdown.noticeDueAt()).isEqualTo(Instant.parse("2027-02-10T23:00:00Z"));
        // the notice went out five seconds after midnight: the full grace period counts from then
        assertThat(countdown.deletionDueAt(Instant.parse("2027-02-10T23:00:05Z")))
                .isEqualTo(Instant.parse("2027-03-12T23:00:05Z"));
    }

    @Test
    void shouldGiveTwoActivitiesOfOneDayTheSameDates() {
        LifecycleSettings settings = settings(30, 60);
        Countdown morning = new Countdown(Instant.parse("2027-01-11T07:15:00Z"), settings, DAYS_IN_PARIS);
        Countdown evening = new Countdown(Instant.parse("2027-01-11T21:40:00Z"), settings, DAYS_IN_PARIS);

        assertThat(evening.noticeDueAt()).isEqualTo(morning.noticeDueAt());
        assertThat(evening.deletionDueAt(morning.noticeDueAt()))
                .isEqualTo(morning.deletionDueAt(morning.noticeDueAt()));
    }

    @Test
    void shouldGiveTheFullGracePeriodAfterALateNotice() {
        LifecycleSettings settings = settings(30, 60);
        Countdown countdown = new Countdown(Instant.parse("2027-01-11T00:00:00Z"), settings, DAYS_IN_PARIS);
        // the application was down: the notice went out 40 days late, at 14:30 in Paris
        Instant lateNotice = Instant.parse("2027-03-22T13:30:00Z");

        // thirty days later at the same local time, after the change to summer time
        assertThat(countdown.deletionDueAt(lateNotice)).isEqualTo(Instant.parse("2027-04-21T12:30:00Z"));
    }

    private static LifecycleSettings settings(int noticeDelayDays, int deletionDelayDays) {
        return new LifecycleSettings(1, noticeDelayDays, deletionDelayDays, InactivityMode.NO_LOGIN, true, null, null);
    }
}
