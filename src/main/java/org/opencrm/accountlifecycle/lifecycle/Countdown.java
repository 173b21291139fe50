package org.opencrm.accountlifecycle.lifecycle;

import java.time.Instant;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;

/**
 * The timing rules of one account's countdown (SPEC section 4), counted in whole days: inactivity starts at the end of
 * the day of the last activity that counts, the notice is due the notice delay after that, and the deletion the
 * deletion delay after it, but never sooner than the full grace period after the notice was really sent.
 *
 * <p>Whole days keep the due dates where a citizen expects them (nobody is warned before the N-th day is over) and
 * make a second login of the same day change nothing, so it need not touch the engine.
 *
 * @param reference the last activity that counts
 */
record Countdown(Instant reference, LifecycleSettings settings, Days days) {

    /** When inactivity starts counting: the end of the reference's day. */
    Instant inactiveFrom() {
        return days.endOfDay(reference);
    }

    Instant noticeDueAt() {
        return days.after(inactiveFrom(), settings.noticeDelayDays());
    }

    Instant deletionDueAt(Instant noticeSentAt) {
        Instant byInactivity = days.after(inactiveFrom(), settings.deletionDelayDays());
        Instant afterFullGrace = days.after(noticeSentAt, settings.graceDays());
        return byInactivity.isAfter(afterFullGrace) ? byInactivity : afterFullGrace;
    }
}
