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

    record Enrolment(double productSeconds, double floorSeconds, HeapWatch.HeapPeak heap) {

        double ratio() {
            return productSeconds / floorSeconds;
        }
    }

    record Logins(Load.Result firstOfTheDay, Load.Result sameDay, Load.Result bareUpdate) {}

    /** @param deletionMailSeconds from the jump past the deletion dates to the last deletion mail */
    record Drain(double noticeSeconds, double deletionSeconds, double deletionMailSeconds) {}
}
