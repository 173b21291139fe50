package org.opencrm.accountlifecycle.scheduler;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled task of SPEC section 5, the safety net around the per-account timers. Its timer is the start event
 * of {@code processes/unused-accounts-task.bpmn}, so that it shows in Cockpit.
 */
@Service
public class ScheduledTaskService {

    static final String PROCESS_KEY = "unused-accounts-task";
    static final String PROCESS_RESOURCE = PROCESS_KEY + ".bpmn";

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskService.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    /** One line whose seconds field is a plain number: the task reads every account, so never every second. */
    private static final String ONCE_A_MINUTE_AT_MOST = "[0-9]{1,2} [^\\p{Cntrl}]+";

    private final ScheduledTaskRepository tasks;
    private final ScheduledTaskSchedule schedule;
    private final ScheduledTaskRunRepository runs;
    private final LifecycleService lifecycle;
    private final RepositoryService repository;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ScheduledTaskService(
            ScheduledTaskRepository tasks,
            ScheduledTaskSchedule schedule,
            ScheduledTaskRunRepository runs,
            LifecycleService lifecycle,
            RepositoryService repository,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.schedule = schedule;
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.repository = repository;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The timer expression of {@code Timer_Scheduled}, evaluated when the process is deployed. */
    public String cron() {
        return current().cron();
    }

    ScheduledTask current() {
        return tasks.findById(ScheduledTask.SINGLE_ROW_ID)
                .orElseThrow(
                        () -> new IllegalStateException("The scheduled task row is missing; check the migrations"));
    }

    List<ScheduledTaskRun> recentRuns(int count) {
        return runs.findAllByOrderByStartedAtDescIdDesc(PageRequest.of(0, count));
    }

    /**
     * Changes the schedule or the switch. A new schedule deploys a new version of the task's process, whose timer
     * replaces the old one: a timer start event reads its cycle only when deployed.
     */
    @Transactional
    public ScheduledTask change(String cron, boolean active) {
        String shown = cron.replaceAll("\\p{Cntrl}", " ");
        if (!CronExpression.isValidExpression(cron)) {
            throw new InvalidScheduleException("'" + shown + "' is not a cron expression of six fields, seconds"
                    + " first (a plain number of seconds), such as '0 0 2 * * ?' (every night at two)");
        }
        if (!cron.matches(ONCE_A_MINUTE_AT_MOST)) {
            throw new InvalidScheduleException("'" + shown + "' runs more than once a minute: its first field, the"
                    + " seconds, must be a plain number, such as '0 0 2 * * ?' (every night at two)");
        }
        CronTimer engineTimer;
        try {
            // the engine's own parser (cron-utils, Spring's dialect) is stricter in places than Spring's, and would
            // refuse the expression only at deployment; an internal class of the engine, checked on upgrades
            engineTimer = CronTimer.parse(cron);
        } catch (ParseException refused) {
            throw new InvalidScheduleException(
                    "'" + cron + "' is refused by the process engine: " + refused.getMessage());
        }
        // asked for the next date and finding none (the 31st of February, or '?' in both day fields, which the engine
        // reads differently from Spring), the engine's timer answers "now", and would fire again at once, forever
        Date now = Date.from(clock.instant());
        if (!engineTimer.getDueDate(now).after(now)) {
            throw new InvalidScheduleException("'" + cron
                    + "' names no date that will come, such as the 31st of February: the task would never run");
        }
        ScheduledTask previous = current();
        ScheduledTask saved = tasks.save(new ScheduledTask(previous.id(), previous.name(), cron, active));

        if (!previous.cron().equals(cron)) {
            repository
                    .createDeployment()
                    .name(PROCESS_KEY)
                    .addClasspathResource(PROCESS_RESOURCE)
                    .deploy();
        }
        log.info("Scheduled task changed cron={} active={}", cron, active);
        return saved;
    }

    /**
     * One run: enrols every active individual without a lifecycle and realigns the timers, then logs the run. A
     * failure is logged in a transaction of its own and thrown again, so that the engine retries and then raises an
     * incident while the task log keeps the failure.
     */
    @Transactional
    public ScheduledTaskRun run() {
        Instant startedAt = clock.instant();
        if (!current().active()) {
            return log(new ScheduledTaskRun(null, startedAt, clock.instant(), RunOutcome.SKIPPED, 0, 0, null));
        }
        try {
            int enrolled = lifecycle.enrolAllWithoutLifecycle();
            int realigned = lifecycle.realignTimers();
            return log(new ScheduledTaskRun(
                    null, startedAt, clock.instant(), RunOutcome.SUCCEEDED, enrolled, realigned, null));
        } catch (RuntimeException e) {
            ScheduledTaskRun failed =
                    new ScheduledTaskRun(null, startedAt, clock.instant(), RunOutcome.FAILED, 0, 0, describe(e));
            ownTransaction.executeWithoutResult(status -> log(failed));
            throw e;
        }
    }

    private ScheduledTaskRun log(ScheduledTaskRun run) {
        ScheduledTaskRun saved = runs.save(run);
        log.info(
                "Scheduled task ran outcome={} enrolled={} timersRealigned={}",
                saved.outcome(),
                saved.enrolled(),
                saved.timersRealigned());
        return saved;
    }

    private static String describe(RuntimeException e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
