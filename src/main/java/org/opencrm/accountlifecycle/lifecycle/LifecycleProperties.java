package org.opencrm.accountlifecycle.lifecycle;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dayLength how long one "day" of the settings lasts. One day in real use; the demo makes it a few seconds so
 *     that notices and deletions show within minutes.
 * @param zone where a day ends: inactivity is counted in whole days of this zone, so due dates fall at its midnight
 * @param pageSize how many accounts one transaction enrols or realigns, or one migration moves to a new process
 *     version
 * @param migrateOnStart whether start-up moves the countdowns of older process versions to the latest one
 * @param enrolmentThreads how many pages an enrolment outside a caller's transaction (go-live, the mechanism switched
 *     on) starts at once, each in a transaction of its own
 */
@Validated
@ConfigurationProperties("account-lifecycle.lifecycle")
record LifecycleProperties(
        @NotNull @DefaultValue("P1D") Duration dayLength,
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("500") int pageSize,
        @DefaultValue("true") boolean migrateOnStart,
        @DefaultValue("2") int enrolmentThreads) {

    LifecycleProperties {
        if (dayLength.isNegative() || dayLength.isZero()) {
            throw new IllegalArgumentException("account-lifecycle.lifecycle.day-length must be positive");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("account-lifecycle.lifecycle.page-size must be at least 1");
        }
        if (enrolmentThreads < 1) {
            throw new IllegalArgumentException("account-lifecycle.lifecycle.enrolment-threads must be at least 1");
        }
    }

    Days days() {
        return new Days(dayLength, zone);
    }
}
