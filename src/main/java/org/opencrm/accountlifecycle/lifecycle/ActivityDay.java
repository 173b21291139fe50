package org.opencrm.accountlifecycle.lifecycle;

import java.time.Instant;

/**
 * One day of inactivity counting: activity at any instant after {@code opensAfter} and up to {@code endsAt} starts the
 * same countdown, since countdowns start at the end of the day of the last activity.
 */
public record ActivityDay(Instant opensAfter, Instant endsAt) {}
