package org.opencrm.accountlifecycle.lifecycle;

import java.time.Duration;
import java.time.Instant;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;

/**
 * The timing rules of one account's countdown (SPEC section 4): the notice at reference + notice delay; the deletion
 * at reference + deletion delay, but never sooner than the full grace period after the notice was really sent.
 *
 * @param reference the start of inactivity
 * @param dayLength how long a "day" lasts; one day in real use, a few seconds in the demo
 */
record Countdown(Instant reference, LifecycleSettings settings, Duration dayLength) {

    Instant noticeDueAt() {
        return reference.plus(days(settings.noticeDelayDays()));
    }

    Instant deletionDueAt(Instant noticeSentAt) {
        Instant byInactivity = reference.plus(days(settings.deletionDelayDays()));
        Instant afterFullGrace = noticeSentAt.plus(days(settings.graceDays()));
        return byInactivity.isAfter(afterFullGrace) ? byInactivity : afterFullGrace;
    }

    private Duration days(int count) {
        return dayLength.multipliedBy(count);
    }
}
