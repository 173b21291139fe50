package org.opencrm.accountlifecycle.benchmark;

import java.util.List;

/**
 * The figures of one population; times in seconds.
 *
 * @param loadAtStart the machine's load average over one minute when this population started: other work on the
 *     machine slows every figure
 * @param configuration the application's settings that decide the figures, as {@code name=value}
 */
record SizeResult(
        int size,
        int drain,
        double startupSeconds,
        double setupSeconds,
        double loadAtStart,
        double loadAtEnd,
        Enrolment enrolment,
        Logins logins,
        Drain drained,
        List<String> configuration) {

    record Enrolment(double productSeconds, double floorSeconds, HeapWatch.HeapPeak heap, DatabaseWork database) {

        double ratio() {
            return productSeconds / floorSeconds;
        }
    }

    /** @param database what the first logins of the day did in the database */
    record Logins(Load.Result firstOfTheDay, Load.Result sameDay, Load.Result bareUpdate, DatabaseWork database) {}

    /**
     * @param deletionMailSeconds from the jump past the deletion dates to the last deletion mail
     * @param notices what the notices did in the database, up to the deletion timers they leave
     */
    record Drain(double noticeSeconds, double deletionSeconds, double deletionMailSeconds, DatabaseWork notices) {}
}
