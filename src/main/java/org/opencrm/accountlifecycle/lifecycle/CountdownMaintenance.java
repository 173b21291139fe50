package org.opencrm.accountlifecycle.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;
import org.opencrm.accountlifecycle.settings.SettingsChangeListener;
import org.opencrm.accountlifecycle.settings.SettingsFollowUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes the running countdowns follow a change of settings. Switching the mechanism off stops them in the change's
 * transaction; switching it on (every active individual enrolled) and a change of delays or of the inactivity
 * definition (every waiting timer realigned) go on after the commit on one background thread, a page per transaction,
 * so that neither the administrator's request nor the citizens' logins wait for a pass over a million countdowns.
 *
 * <p>A change made while a pass runs queues one more pass, which starts from the beginning with the newest settings.
 * A node that stops in the middle leaves the rest to the scheduled task, whose daily run enrols and realigns whatever
 * is left (both passes change nothing that is already right).
 */
@Component
public class CountdownMaintenance implements SettingsChangeListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CountdownMaintenance.class);

    private final LifecycleService lifecycle;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "countdown-maintenance");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);
    private final AtomicBoolean pending = new AtomicBoolean();

    CountdownMaintenance(LifecycleService lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    public SettingsFollowUp settingsChanged(LifecycleSettings previous, LifecycleSettings current) {
        if (previous.enabled() && !current.enabled()) {
            return new SettingsFollowUp(lifecycle.stopAll(), false);
        }
        if (!previous.enabled() && current.enabled()) {
            afterCommit(Work.ENROLMENT);
            return new SettingsFollowUp(0, true);
        }
        if (current.enabled() && current.timingDiffersFrom(previous)) {
            afterCommit(Work.REALIGNMENT);
            return new SettingsFollowUp(0, true);
        }
        return SettingsFollowUp.NONE;
    }

    /** The pass that runs or ran last. */
    public Progress progress() {
        return progress.get();
    }

    private void afterCommit(Work work) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                submit(work);
            }
        });
    }

    private void submit(Work work) {
        // one pass waiting is enough: it reads the newest settings when it starts
        if (pending.compareAndSet(false, true)) {
            progress.updateAndGet(last -> last.queued(work));
            worker.execute(() -> run(work));
        }
    }

    private void run(Work work) {
        pending.set(false);
        progress.set(Progress.started(work, clock.instant()));
        try {
            LifecycleService.Progress onPage =
                    (checked, changed) -> progress.updateAndGet(running -> running.advanced(checked, changed));
            int changed = switch (work) {
                case ENROLMENT -> lifecycle.enrolAllWithoutLifecycle(onPage);
                case REALIGNMENT -> lifecycle.realignTimers(onPage);
            };
            progress.updateAndGet(running -> running.finished(State.SUCCEEDED, changed, clock.instant()));
        } catch (RuntimeException e) {
            // the scheduled task's next run does what is left
            log.error("Countdown maintenance failed work={}", work, e);
            progress.updateAndGet(running -> running.finished(State.FAILED, running.changed(), clock.instant()));
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    public enum Work {
        ENROLMENT,
        REALIGNMENT
    }

    public enum State {
        IDLE,
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /**
     * @param checked individuals enrolled so far (enrolment) or timers checked so far (realignment)
     * @param changed countdowns started, moved or restarted so far
     */
    public record Progress(Work work, State state, long checked, long changed, Instant startedAt, Instant finishedAt) {

        static final Progress IDLE = new Progress(null, State.IDLE, 0, 0, null, null);

        static Progress started(Work work, Instant at) {
            return new Progress(work, State.RUNNING, 0, 0, at, null);
        }

        Progress queued(Work next) {
            return state == State.RUNNING ? this : new Progress(next, State.QUEUED, 0, 0, null, null);
        }

        Progress advanced(long pageChecked, long pageChanged) {
            return new Progress(work, state, checked + pageChecked, changed + pageChanged, startedAt, null);
        }

        Progress finished(State outcome, long totalChanged, Instant at) {
            return new Progress(work, outcome, checked, totalChanged, startedAt, at);
        }

        public boolean isDone() {
            return state == State.IDLE || state == State.SUCCEEDED || state == State.FAILED;
        }
    }
}
