package org.opencrm.accountlifecycle.lifecycle;

import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.MESSAGE_ACCOUNT_DELETED_MANUALLY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.MESSAGE_USER_ACTIVITY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.VAR_NOTICE_SENT_AT;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.opencrm.accountlifecycle.notification.SentMailService;
import org.opencrm.accountlifecycle.settings.InactivityMode;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, restarts, moves and stops the countdowns: one process instance per active individual, with the individual's
 * id as business key.
 */
@Service
@EnableConfigurationProperties(LifecycleProperties.class)
public class LifecycleService {

    private static final Logger log = LoggerFactory.getLogger(LifecycleService.class);

    /**
     * Instances started in one engine command, so in one flush. The engine sorts a flush's executions by their
     * references in quadratic time: 500 instances in one flush take minutes, 50 take milliseconds.
     */
    private static final int INSTANCES_PER_COMMAND = 50;

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
    private final RepositoryService repository;
    private final CommandExecutor engineCommands;
    private final CommandExecutor ownTransactionCommands;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

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
            ProductMetrics metrics,
            RepositoryService repository,
            ProcessEngineConfigurationImpl engineConfiguration,
            PlatformTransactionManager transactions,
            JdbcClient jdbc) {
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
        this.repository = repository;
        this.engineCommands = engineConfiguration.getCommandExecutorTxRequired();
        this.ownTransactionCommands = engineConfiguration.getCommandExecutorTxRequiresNew();
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
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

    /**
     * Starts a countdown for every active individual that has none (go-live, imports, data written by other systems),
     * one page of individuals per transaction: a page's instances are started in one engine command, so that the engine
     * writes them in JDBC batches, and their enrolments in one batch. Inside a caller's transaction (an import, the
     * scheduled task's job) the pages join it, and everything stays one unit.
     */
    public int enrolAllWithoutLifecycle() {
        return enrolAllWithoutLifecycle((checked, changed) -> {});
    }

    /**
     * Outside a caller's transaction several pages are enrolled at once ({@code enrolment-threads}), each in its own
     * transaction: one page alone keeps the engine's thread and the database's each waiting for the other, and leaves
     * a core of a small machine idle.
     *
     * @param progress told after each page
     */
    public int enrolAllWithoutLifecycle(Progress progress) {
        if (!settings.current().enabled()) {
            return 0;
        }
        int started =
                TransactionSynchronizationManager.isActualTransactionActive() || properties.enrolmentThreads() == 1
                        ? enrolPageAfterPage(progress)
                        : enrolPagesAtOnce(progress);
        log.info("Individuals enrolled count={}", started);
        return started;
    }

    private int enrolPageAfterPage(Progress progress) {
        int started = 0;
        String after = "";
        List<String> page;
        do {
            String from = after;
            page = transaction.execute(
                    status -> startAll(individuals.findIdsWithoutLifecycle(from, properties.pageSize())));
            started = enrolled(page, started, progress);
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == properties.pageSize());
        return started;
    }

    /**
     * Reads the pages one after the other and hands each to a worker, with no more pages in hand than workers, so that
     * memory stays one page per worker however many individuals there are. A page that fails stops the pass once the
     * pages in hand are done; what committed stays enrolled, and the next pass does the rest.
     */
    private int enrolPagesAtOnce(Progress progress) {
        int threads = properties.enrolmentThreads();
        AtomicInteger workerNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(
                threads, task -> new Thread(task, "enrolment-" + workerNumber.incrementAndGet()));
        Deque<Future<List<String>>> inHand = new ArrayDeque<>();
        int started = 0;
        try {
            String after = "";
            List<String> page;
            do {
                page = individuals.findIdsWithoutLifecycle(after, properties.pageSize());
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1);
                if (inHand.size() == threads) {
                    started = enrolled(done(inHand.removeFirst()), started, progress);
                }
                List<String> ids = page;
                inHand.addLast(workers.submit(() -> transaction.execute(status -> startAll(ids))));
            } while (page.size() == properties.pageSize());
            while (!inHand.isEmpty()) {
                started = enrolled(done(inHand.removeFirst()), started, progress);
            }
            return started;
        } finally {
            // after a failure, the pages in hand finish (commit or roll back) before the failure goes to the caller
            workers.shutdown();
            inHand.forEach(LifecycleService::awaitQuietly);
        }
    }

    private int enrolled(List<String> page, int startedBefore, Progress progress) {
        int started = startedBefore + page.size();
        progress.page(page.size(), page.size());
        if (page.size() == properties.pageSize()) {
            log.info("Enrolment progress enrolled={}", started);
        }
        return started;
    }

    private static List<String> done(Future<List<String>> page) {
        try {
            return page.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("An enrolment page failed", failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while enrolling", e);
        }
    }

    private static void awaitQuietly(Future<?> page) {
        try {
            page.get();
        } catch (ExecutionException alreadyReported) {
            // the first failure is the one the caller gets; this page rolled back on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> startAll(List<String> ids) {
        if (ids.isEmpty()) {
            return ids;
        }
        String definitionId = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(KEY)
                .latestVersion()
                .singleResult()
                .getId();
        // nested engine calls share the outer command's context, whose flush writes the group's rows in JDBC batches
        List<String> instanceIds = new ArrayList<>(ids.size());
        schedule.withCountdownsOf(ids, () -> {
            for (int from = 0; from < ids.size(); from += INSTANCES_PER_COMMAND) {
                List<String> group = ids.subList(from, Math.min(from + INSTANCES_PER_COMMAND, ids.size()));
                instanceIds.addAll(engineCommands.execute(context -> group.stream()
                        .map(id -> runtime.createProcessInstanceById(definitionId)
                                .businessKey(id)
                                .execute()
                                .getId())
                        .toList()));
            }
            return instanceIds;
        });
        enrolments.insertAll(ids, instanceIds, clock.instant());
        return ids;
    }

    /**
     * Activity of the given kind, just written to the CRM data: it starts the individual's countdown when none runs
     * yet (mechanism on, not enrolled), and restarts it when the kind counts for the inactivity definition. Reads the
     * settings and the enrolment once, since every login comes this way.
     *
     * @param at when the activity happened; being the latest of its kind, it is the countdown's new reference date
     */
    @Transactional
    public void activityRecorded(String individualId, InactivityMode kind, Instant at) {
        LifecycleSettings current = settings.current();
        if (!current.enabled()) {
            return;
        }
        Optional<String> instanceId = enrolments.findProcessInstanceId(individualId);
        if (instanceId.isEmpty()) {
            start(individualId);
        } else if (current.inactivityMode() == kind) {
            restart(individualId, instanceId.get(), schedule.countdownFrom(at, current));
        }
    }

    /**
     * The day of activity that holds {@code at}: a second activity within it gives the countdown the dates the first
     * one gave, so the caller need not come here again.
     */
    public ActivityDay activityDayOf(Instant at) {
        return schedule.dayOf(at);
    }

    /**
     * Activity that counts restarts the countdown from the new reference date. Before the notice the countdown only has
     * to wait longer: its notice timer moves in place to the date the new reference gives (one job row written, and
     * Cockpit shows the new date); counted in whole days, a second activity the same day leaves it where it is, and
     * writes nothing. After the notice a new cycle begins: message {@code UserActivity} interrupts the countdown, which
     * starts again and will warn again. An individual without a running countdown (mechanism off, not enrolled yet) is
     * no error: the next enrolment starts from the new date anyway.
     */
    @Transactional
    public void restartCountdown(String individualId) {
        Optional<String> instanceId = enrolments.findProcessInstanceId(individualId);
        if (instanceId.isPresent()) {
            LifecycleSettings current = settings.current();
            restart(individualId, instanceId.get(), schedule.countdownOf(individualId, current));
        }
    }

    /** @param countdown the restarted countdown */
    private void restart(String individualId, String instanceId, Countdown countdown) {
        Date dueAt = Date.from(countdown.noticeDueAt());
        if (moveWaitingNoticeTimer(instanceId, dueAt)) {
            metrics.countdownRestarted("moved");
            log.debug("Notice timer moved individualId={}", individualId);
            return;
        }
        Job noticeTimer = management
                .createJobQuery()
                .processInstanceId(instanceId)
                .activityId(TIMER_NOTICE_DUE)
                .singleResult();
        // a timer a job executor has locked is about to fire whatever its date says: only the interruption stops it
        if (noticeTimer != null && ((JobEntity) noticeTimer).getLockOwner() == null) {
            if (dueAt.equals(noticeTimer.getDuedate())) {
                // activity earlier the same day already put it there: nothing to write
                metrics.countdownRestarted("unchanged");
                return;
            }
            // released by an executor since the statement above: set through the engine, under the row's revision
            management.setJobDuedate(noticeTimer.getId(), dueAt);
            metrics.countdownRestarted("moved");
            return;
        }
        int restarted = runtime.createMessageCorrelation(MESSAGE_USER_ACTIVITY)
                .processInstanceBusinessKey(individualId)
                .correlateAllWithResult()
                .size();
        if (restarted > 0) {
            metrics.countdownRestarted("interrupted");
            log.info("Countdown restarted individualId={}", individualId);
        }
    }

    /**
     * Moves the instance's notice timer to {@code dueAt} when it waits at another date, unlocked, in one statement:
     * every first login of a day comes here. It writes what the engine's {@code setJobDuedate} writes (the date, and
     * the row's revision, so that an executor or a realignment holding the older revision fails its optimistic lock and
     * lets go), without the engine's two commands and their look-ups. A timer an executor has locked, one already at
     * that date or none (past the notice) is left to the caller. Camunda 7 schema; {@code DUEDATE_} goes as a {@link
     * Timestamp}, as the engine writes it.
     *
     * @return whether the timer moved
     */
    private boolean moveWaitingNoticeTimer(String instanceId, Date dueAt) {
        int moved = jdbc.sql("""
                        UPDATE ACT_RU_JOB SET DUEDATE_ = :dueAt, REV_ = REV_ + 1
                        WHERE PROCESS_INSTANCE_ID_ = :instanceId AND TYPE_ = 'timer' AND LOCK_OWNER_ IS NULL
                          AND DUEDATE_ <> :dueAt
                          AND JOB_DEF_ID_ IN (SELECT d.ID_ FROM ACT_RU_JOBDEF d WHERE d.ACT_ID_ = :timer)
                        """)
                .param("dueAt", new Timestamp(dueAt.getTime()))
                .param("instanceId", instanceId)
                .param("timer", TIMER_NOTICE_DUE)
                .update();
        return moved == 1;
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
     * repeated after the send) gets none again. A mail cannot be rolled back, so the step first makes sure that it
     * still belongs to the current countdown ({@link #requireCurrentStep}).
     *
     * @param executionId the execution of the step that sends
     * @return when it was really sent, the start of the grace period
     */
    @Transactional
    public Instant sendNotice(String individualId, String executionId) {
        requireCurrentStep(individualId, executionId, "notice");
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

    /**
     * Makes sure that a step of the countdown still belongs to the current countdown before it acts. It locks the
     * individual's row, as every login does before it touches the lifecycle: a login under way finishes first. If that
     * login restarted the countdown, it removed the step's execution, and the step gives way with an
     * {@link OptimisticLockingException}, which the job executor takes for a race lost (the job it would retry is
     * gone), not for a failure. Without this, a notice went out and only then did the step's transaction fail on the
     * execution the login had removed: a person who had just logged in was warned of a deletion that was no longer
     * planned, and nothing recorded it.
     *
     * @param executionId the execution of the step
     * @param step what the step does, for the log
     */
    public void requireCurrentStep(String individualId, String executionId, String step) {
        individuals.findByIdForUpdate(individualId);
        if (runtime.createExecutionQuery().executionId(executionId).count() == 0) {
            log.info("Step given way, activity restarted the countdown individualId={} step={}", individualId, step);
            throw new OptimisticLockingException(
                    "The countdown of individualId=" + individualId + " restarted before its " + step + " step ran");
        }
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
     * <p>Pages through the timers in id order, reading each page's business keys, notice dates and countdowns in one
     * query each; each timer moves in a command of its own, so that outside a caller's transaction nothing waits for
     * the pass: a countdown that a login or a job moves meanwhile is skipped, since it was computed afresh anyway.
     *
     * @param progress told after each page
     * @return how many countdowns were moved or restarted
     */
    public int realignTimers(Progress progress) {
        int moved = recalculate(TIMER_NOTICE_DUE, List.of(), progress);
        List<String> toRestart = new ArrayList<>();
        moved += recalculate(TIMER_DELETION_DUE, toRestart, progress);
        toRestart.forEach(this::restartCountdown);
        log.info("Timers realigned moved={} restarted={}", moved, toRestart.size());
        return moved + toRestart.size();
    }

    public int realignTimers() {
        return realignTimers((checked, changed) -> {});
    }

    private int recalculate(String timerId, List<String> toRestart, Progress progress) {
        int moved = 0;
        int checked = 0;
        String afterId = "";
        List<WaitingTimer> page;
        do {
            page = timersAfter(timerId, afterId);
            if (page.isEmpty()) {
                break;
            }
            afterId = page.get(page.size() - 1).jobId();
            List<WaitingTimer> timers = page;
            int movedOnPage = schedule.withCountdownsOf(
                    page.stream().map(WaitingTimer::individualId).toList(),
                    () -> realignPage(timerId, timers, toRestart));
            moved += movedOnPage;
            checked += page.size();
            metrics.timersChecked(page.size());
            progress.page(page.size(), movedOnPage);
            if (page.size() == properties.pageSize()) {
                log.info("Timer realignment progress timer={} checked={} moved={}", timerId, checked, moved);
            }
        } while (page.size() == properties.pageSize());
        return moved;
    }

    private int realignPage(String timerId, List<WaitingTimer> timers, List<String> toRestart) {
        int moved = 0;
        for (WaitingTimer timer : timers) {
            Countdown countdown = schedule.countdownOf(timer.individualId());
            Instant expected;
            if (timerId.equals(TIMER_DELETION_DUE)) {
                if (timer.noticeSentAt() == null) {
                    // its notice step has not committed the date yet: nothing to compare with
                    continue;
                }
                if (countdown.reference().isAfter(timer.noticeSentAt())) {
                    toRestart.add(timer.individualId());
                    continue;
                }
                expected = countdown.deletionDueAt(timer.noticeSentAt());
            } else {
                expected = countdown.noticeDueAt();
            }
            // due dates are kept to the millisecond
            if (!expected.equals(timer.dueAt()) && recalculate(timer)) {
                moved++;
            }
        }
        return moved;
    }

    /**
     * Moves one timer in a transaction of its own, also when the pass runs inside a caller's transaction (the scheduled
     * task's job): a timer that fired or was replaced since its page was read is then skipped without spoiling the
     * caller's work.
     *
     * @return whether the timer moved
     */
    private boolean recalculate(WaitingTimer timer) {
        try {
            ownTransactionCommands.execute(new RecalculateJobDuedateCmd(timer.jobId(), false));
            return true;
        } catch (OptimisticLockingException | NotFoundException gone) {
            log.debug("Timer skipped, it moved meanwhile jobId={}", timer.jobId());
            return false;
        }
    }

    /**
     * One page of waiting timers after the given job id, with what their due dates depend on, in one query. The
     * engine's job query pages only by offset, which slows down page after page over a million timers; this reads the
     * engine's tables directly, read-only (Camunda 7 schema: a date variable keeps its milliseconds in {@code LONG_}).
     */
    private List<WaitingTimer> timersAfter(String timerId, String afterId) {
        return jdbc.sql("""
                        SELECT j.ID_ AS job_id, j.DUEDATE_ AS due_at, e.BUSINESS_KEY_ AS individual_id,
                               v.LONG_ AS notice_sent_at
                        FROM ACT_RU_JOB j
                        JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_
                        JOIN ACT_RU_EXECUTION e ON e.ID_ = j.PROCESS_INSTANCE_ID_
                        LEFT JOIN ACT_RU_VARIABLE v ON v.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ AND v.NAME_ = :variable
                        WHERE j.TYPE_ = 'timer' AND j.PROCESS_DEF_KEY_ = :key AND d.ACT_ID_ = :timer
                          AND j.ID_ > :afterId
                        ORDER BY j.ID_
                        LIMIT :limit
                        """)
                .param("variable", VAR_NOTICE_SENT_AT)
                .param("key", KEY)
                .param("timer", timerId)
                .param("afterId", afterId)
                .param("limit", properties.pageSize())
                .query((row, number) -> {
                    long noticeSentAt = row.getLong("notice_sent_at");
                    boolean noNotice = row.wasNull();
                    return new WaitingTimer(
                            row.getString("job_id"),
                            row.getString("individual_id"),
                            row.getTimestamp("due_at").toInstant(),
                            noNotice ? null : Instant.ofEpochMilli(noticeSentAt));
                })
                .list();
    }

    /** @param noticeSentAt for a deletion timer, when its countdown's notice went out; null for a notice timer */
    private record WaitingTimer(String jobId, String individualId, Instant dueAt, Instant noticeSentAt) {}

    /** Told after each page of a long pass over the countdowns. */
    @FunctionalInterface
    public interface Progress {

        /**
         * @param checked individuals or timers looked at in this page
         * @param changed countdowns started or moved in this page
         */
        void page(int checked, int changed);
    }

    /** Stops every countdown: the mechanism was switched off. */
    int stopAll() {
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
