package org.opencrm.accountlifecycle.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What operators watch, served at {@code /actuator/prometheus}: counters of notices, deletions, activity events and
 * imported rows, gauges of running lifecycles and open incidents. A counter moves when its transaction commits, so
 * a rolled-back and retried step counts once.
 */
@Component
public class ProductMetrics {

    static final String PREFIX = "account_lifecycle";

    private final MeterRegistry registry;

    ProductMetrics(MeterRegistry registry, RuntimeService runtime) {
        this.registry = registry;
        Gauge.builder(
                        PREFIX + ".lifecycles.running",
                        runtime,
                        engine -> engine.createProcessInstanceQuery()
                                .processDefinitionKey("account-lifecycle")
                                .active()
                                .count())
                .description("Running account lifecycles (one per enrolled active individual)")
                .register(registry);
        Gauge.builder(
                        PREFIX + ".incidents.open",
                        runtime,
                        engine -> engine.createIncidentQuery().count())
                .description("Open incidents: steps that failed after all their retries")
                .register(registry);
    }

    public void noticeSent() {
        afterCommit(counter("notices.sent", "Inactivity notices sent"), 1);
    }

    public void deletionMailSent() {
        afterCommit(counter("deletion.mails.sent", "Deletion mails sent"), 1);
    }

    /** @param method AUTOMATIC or MANUAL */
    public void deleted(String method) {
        afterCommit(
                Counter.builder(PREFIX + ".deletions")
                        .description("Individuals deleted")
                        .tag("method", method)
                        .register(registry),
                1);
    }

    /** @param kind login or dossier */
    public void activity(String kind) {
        afterCommit(
                Counter.builder(PREFIX + ".activity.events")
                        .description("Activity events recorded")
                        .tag("kind", kind)
                        .register(registry),
                1);
    }

    /**
     * What activity that counts did to a running countdown.
     *
     * @param outcome {@code unchanged} (an earlier activity the same day set the same date), {@code moved} (the
     *     notice timer moved in place) or {@code interrupted} (a new cycle began)
     */
    public void countdownRestarted(String outcome) {
        afterCommit(
                Counter.builder(PREFIX + ".countdown.restarts")
                        .description("Countdowns restarted by activity, by what it took")
                        .tag("outcome", outcome)
                        .register(registry),
                1);
    }

    /** Rows of a CSV file written so far by the running import; they are kept only if the whole import commits. */
    public void imported(String file, int rows) {
        Counter.builder(PREFIX + ".import.rows")
                .description("CSV rows written by imports, committed or not")
                .tag("file", file)
                .register(registry)
                .increment(rows);
    }

    /** Timers compared with the settings by a realignment, moved or not: the progress of a long one. */
    public void timersChecked(int count) {
        counter("timers.checked", "Timers checked by realignments after a settings change or by the scheduled task")
                .increment(count);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(PREFIX + "." + name).description(description).register(registry);
    }

    private static void afterCommit(Counter counter, double amount) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment(amount);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment(amount);
            }
        });
    }
}
