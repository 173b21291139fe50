package org.opencrm.accountlifecycle.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waiting in a test without a checked exception to carry: an interrupted wait keeps the thread's interrupt flag and
 * fails the test, since only a test that is being torn down interrupts its threads.
 */
public final class Waits {

    private Waits() {}

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** @return whether the latch came down before the time was up */
    public static boolean await(CountDownLatch latch, Duration atMost) {
        try {
            return latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static AssertionError interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new AssertionError("Interrupted while waiting", e);
    }
}
