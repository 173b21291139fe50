package org.opencrm.accountlifecycle.support;

import java.time.Duration;
import java.time.Instant;
import org.opencrm.accountlifecycle.lifecycle.CountdownMaintenance;

/** Waits for the background pass that follows a change of settings, so that a test goes on from its result. */
public final class FollowUps {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private FollowUps() {}

    /** @return the finished pass */
    public static CountdownMaintenance.Progress awaitDone(CountdownMaintenance maintenance) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!maintenance.progress().isDone()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "The settings follow-up still runs after " + PATIENCE + ": " + maintenance.progress());
            }
            Waits.sleep(Duration.ofMillis(20));
        }
        return maintenance.progress();
    }
}
