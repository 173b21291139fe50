package org.opencrm.accountlifecycle.lifecycle;

import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.MESSAGE_ACCOUNT_DELETED_MANUALLY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.MESSAGE_USER_ACTIVITY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.VAR_NOTICE_SENT_AT;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.opencrm.accountlifecycle.notification.SentMailService;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;
import org.opencrm.accountlifecycle.settings.SettingsChangeListener;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, restarts, moves and stops the countdowns: one process instance per active individual, with the individual's
 * id as business key.
 */
@Service
@EnableConfigurationProperties(LifecycleProperties.class)
public class LifecycleService implements SettingsChangeListener {

    private static final Logger log = LoggerFactory.getLogger(LifecycleService.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final EnrolmentRepository enrolments;
    private final IndividualRepository individuals;
    private final SettingsService settings;
    private final LifecycleSchedule schedule;
    private final SentMailService sentMails;
    private final LifecycleProperties properties;
    private final Clock clock;
    private final ProductMetrics metrics;

    LifecycleService(
            RuntimeService runtime,
            ManagementService management,
            EnrolmentRepository enrolments,
            IndividualRepository individuals,
            SettingsService settings,
            LifecycleSchedule schedule,
            SentMailService sentMails,
            LifecycleProperties properties,
            Clock clock,
            ProductMetrics metrics) {
        this.runtime = runtime;
        this.management = management;
        this.enrolments = enrolments;
        this.individuals = individuals;
        this.settings = settings;
        this.schedule = schedule;
        this.sentMails = sentMails;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Starts the individual's countdown, unless the mechanism is off or the individual already has one.
     *
     * @return whether a countdown was started
     */
    @Transactional
    public boolean enrol(String individualId) {
        if (!settings.current().enabled() || enrolments.existsById(individualId)) {
            return false;
        }
        start(individualId);
        return true;
    }

    /** Starts a countdown for every active individual that has none (imports, data written by other systems). */
    @Transactional
    public int enrolAllWithoutLifecycle() {
        if (!settings.current().enabled()) {
            return 0;
        }
        int started = 0;
        String after = "";
        List<String> page;
        do {
            page = individuals.findIdsWithoutLifecycle(after, properties.pageSize());
            page.forEach(this::start);
            started += page.size();
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == properties.pageSize());
        log.info("Individuals enrolled count={}", started);
        return started;
    }

    /**
     * Activity that counts restarts the countdown from the new reference date. An individual without a running
     * countdown (mechanism off, not enrolled yet) is no error: the next enrolment starts from the new date anyway.
     */
    @Transactional
    public void restartCountdown(String individualId) {
        int restarted = runtime.createMessageCorrelation(MESSAGE_USER_ACTIVITY)
                .processInstanceBusinessKey(individualId)
                .correlateAllWithResult()
                .size();
        if (restarted > 0) {
            log.info("Countdown restarted individualId={}", individualId);
        }
    }

    /**
     * Ends the lifecycle of an individual an agent has just deleted, in the deletion's transaction: the running
     * countdown is interrupted; without one (mechanism off, never enrolled) an instance that only sends the deletion
     * mail is started. Either way the mail is sent by an engine job after the commit, retried when it fails, and never
     * inside the agent's request.
     */
    @Transactional
    public void endAfterManualDeletion(String individualId) {
        // correlate() rather than correlateAll(): the latter would also start a mail-only instance next to the
        // countdown
        MessageCorrelationResult result = runtime.createMessageCorrelation(MESSAGE_ACCOUNT_DELETED_MANUALLY)
                .processInstanceBusinessKey(individualId)
                .correlateWithResult();
        boolean interrupted = result.getResultType() == MessageCorrelationResultType.Execution;
        String processInstanceId = interrupted
                ? result.getExecution().getProcessInstanceId()
                : result.getProcessInstance().getId();
        log.info(
                "Lifecycle ending after manual deletion individualId={} processInstanceId={} countdownInterrupted={}",
                individualId,
                processInstanceId,
                interrupted);
    }

    /**
     * Sends the inactivity notice of the current countdown, once: a countdown whose notice already went out (a step
     * repeated after the send) gets none again.
     *
     * @return when it was really sent, the start of the grace period
     */
    @Transactional
    public Instant sendNotice(String individualId) {
        Instant now = clock.instant();
        Countdown countdown = schedule.countdownOf(individualId);
        Instant plannedDeletion = countdown.deletionDueAt(now);

        Instant sentAt = sentMails.sendNoticeOnce(individualId, countdown.reference(), now, plannedDeletion);
        if (!sentAt.equals(now)) {
            return sentAt;
        }
        metrics.noticeSent();

        log.info("Inactivity notice sent individualId={} plannedDeletion={}", individualId, plannedDeletion);
        return now;
    }

    @Override
    public int settingsChanged(LifecycleSettings previous, LifecycleSettings current) {
        if (previous.enabled() && !current.enabled()) {
            return stopAll();
        }
        if (!previous.enabled() && current.enabled()) {
            return enrolAllWithoutLifecycle();
        }
        if (current.enabled() && current.timingDiffersFrom(previous)) {
            return realignTimers();
        }
        return 0;
    }

    private void start(String individualId) {
        ProcessInstance instance = runtime.createProcessInstanceByKey(KEY)
                .businessKey(individualId)
                .execute();
        enrolments.insert(individualId, instance.getId(), clock.instant());
        log.debug("Countdown started individualId={} processInstanceId={}", individualId, instance.getId());
    }

    /**
     * Brings every waiting timer in line with the current settings and CRM data; timers already right are left alone,
     * so a second pass changes nothing. A countdown past its notice whose reference date now lies after that notice
     * (the inactivity definition changed) restarts, so that nobody is deleted on a warning the new definition would
     * not have sent.
     *
     * @return how many countdowns were moved or restarted
     */
    @Transactional
    public int realignTimers() {
        int moved = recalculate(TIMER_NOTICE_DUE, List.of());
        List<String> toRestart = new ArrayList<>();
        moved += recalculate(TIMER_DELETION_DUE, toRestart);
        toRestart.forEach(this::restartCountdown);
        log.info("Timers realigned moved={} restarted={}", moved, toRestart.size());
        return moved + toRestart.size();
    }

    private int recalculate(String timerId, List<String> toRestart) {
        int moved = 0;
        int first = 0;
        List<Job> page;
        do {
            page = management
                    .createJobQuery()
                    .processDefinitionKey(KEY)
                    .activityId(timerId)
                    .timers()
                    .orderByJobId()
                    .asc()
                    .listPage(first, properties.pageSize());
            for (Job job : page) {
                // the job executor goes on meanwhile: a countdown may have ended or moved since the page was read
                if (!stillWaiting(job)) {
                    continue;
                }
                String individualId = businessKeyOf(job);
                Countdown countdown = schedule.countdownOf(individualId);
                Instant expected;
                if (timerId.equals(TIMER_DELETION_DUE)) {
                    Instant noticeSentAt = noticeSentAt(job);
                    if (countdown.reference().isAfter(noticeSentAt)) {
                        toRestart.add(individualId);
                        continue;
                    }
                    expected = countdown.deletionDueAt(noticeSentAt);
                } else {
                    expected = countdown.noticeDueAt();
                }
                // due dates are kept to the millisecond
                if (!Date.from(expected).equals(job.getDuedate())) {
                    management.recalculateJobDuedate(job.getId(), false);
                    moved++;
                }
            }
            first += page.size();
            if (page.size() == properties.pageSize()) {
                log.info("Timer realignment progress timer={} checked={} moved={}", timerId, first, moved);
            }
            metrics.timersChecked(page.size());
        } while (page.size() == properties.pageSize());
        return moved;
    }

    private boolean stillWaiting(Job timer) {
        return management.createJobQuery().jobId(timer.getId()).count() == 1
                && runtime.createExecutionQuery()
                                .executionId(timer.getExecutionId())
                                .count()
                        == 1;
    }

    private String businessKeyOf(Job job) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(job.getProcessInstanceId())
                .singleResult()
                .getBusinessKey();
    }

    private Instant noticeSentAt(Job deletionTimer) {
        return ((Date) runtime.getVariable(deletionTimer.getExecutionId(), VAR_NOTICE_SENT_AT)).toInstant();
    }

    private int stopAll() {
        int stopped = 0;
        List<String> page;
        do {
            page =
                    runtime
                            .createProcessInstanceQuery()
                            .processDefinitionKey(KEY)
                            .listPage(0, properties.pageSize())
                            .stream()
                            .map(ProcessInstance::getId)
                            .toList();
            runtime.deleteProcessInstances(page, "account-lifecycle disabled by an administrator", true, true);
            stopped += page.size();
        } while (!page.isEmpty());
        enrolments.deleteAll();
        log.info("Lifecycle disabled, countdowns stopped count={}", stopped);
        return stopped;
    }
}
