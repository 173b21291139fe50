package org.opencrm.accountlifecycle.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_DELETE_ACCOUNT;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_SEND_NOTICE_MAIL;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.activity.ActivityService;
import org.opencrm.accountlifecycle.engine.ConflictRetry;
import org.opencrm.accountlifecycle.individuals.IndividualDeletedException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.opencrm.accountlifecycle.support.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logins, agents and timers at the same moment, each in its own transaction and thread, started together: every run
 * ends in one consistent state. Settings: notice 30 days, deletion 60 days, NO_LOGIN.
 */
@AccountLifecycleTest
class LifecycleRaceTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant CREATED = TODAY.minus(DAY.multipliedBy(400));
    private static final Instant LAST_LOGIN = TODAY.minus(DAY.multipliedBy(10));
    private static final Instant DELETION_DUE = LAST_LOGIN.plus(DAY.multipliedBy(60));
    private static final String DELETION_SUBJECT = "Votre compte a été supprimé";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    ActivityService activity;

    @Autowired
    AccountDeletionService deletion;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    EngineTime time;

    @Autowired
    TestData data;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldEndEitherDeletedOrAliveWithAFreshCountdownWhenALoginMeetsTheDeletionTimer() throws Exception {
        for (int run = 1; run <= 20; run++) {
            noticeSentAndDeletionDue();

            List<Object> outcomes = race(this::runDueJobsAsTheJobExecutor, () -> loginOutcome("ind-1"));

            Object login = outcomes.get(1);
            if (individuals.findById("ind-1").orElseThrow().isDeleted()) {
                assertThat(login).as("run %d", run).isInstanceOf(IndividualDeletedException.class);
                assertThat(registryCount()).as("run %d", run).isEqualTo(1);
                assertThat(runningLifecycles()).as("run %d", run).isZero();
                assertThat(lifecycleJobs()).as("run %d", run).isEmpty();
            } else {
                assertThat(login).as("run %d", run).isEqualTo("logged in");
                assertThat(registryCount()).as("run %d", run).isZero();
                assertThat(runningLifecycles()).as("run %d", run).isEqualTo(1);
                assertThat(lifecycleJobs())
                        .as("run %d", run)
                        .extracting(Job::getDuedate)
                        .containsExactly(Date.from(DELETION_DUE.plus(DAY.multipliedBy(30))));
                assertThat(jobAt(TIMER_NOTICE_DUE)).as("run %d", run).isNotNull();
            }
        }
    }

    @Test
    void shouldEndWithOneFreshCountdownAndAtMostOneNoticeWhenALoginMeetsTheNoticeTimer() throws Exception {
        Instant noticeDue = LAST_LOGIN.plus(DAY.multipliedBy(30));
        Instant loginAt = noticeDue.plus(Duration.ofHours(9));
        for (int run = 1; run <= 20; run++) {
            time.pin(TODAY);
            data.reset();
            data.individual("ind-1", "Amélie", "Dupont", CREATED, LAST_LOGIN);
            lifecycle.enrol("ind-1");
            time.pin(loginAt);
            int mailsBefore = smtp.getReceivedMessages().length;

            List<Object> outcomes = race(this::runDueJobsAsTheJobExecutor, () -> loginOutcome("ind-1"));
            runDueJobsAsTheJobExecutor();

            // whether the notice went out before the login or the login moved its timer first, the login wins
            assertThat(outcomes.get(1)).as("run %d", run).isEqualTo("logged in");
            assertThat(smtp.getReceivedMessages().length - mailsBefore)
                    .as("run %d", run)
                    .isBetween(0, 1);
            assertThat(runningLifecycles()).as("run %d", run).isEqualTo(1);
            assertThat(lifecycleJobs()).as("run %d", run).singleElement().satisfies(timer -> {
                assertThat(timer.getId()).isEqualTo(jobAt(TIMER_NOTICE_DUE).getId());
                assertThat(timer.getDuedate()).isEqualTo(Date.from(noticeDue.plus(DAY.multipliedBy(31))));
            });
            assertThat(individuals.findById("ind-1").orElseThrow().lastLoginAt())
                    .isEqualTo(loginAt);
        }
    }

    @Test
    void shouldSendNoNoticeWhenALoginRestartsTheCountdownWhileItsNoticeStepRuns() throws Exception {
        Instant noticeDue = LAST_LOGIN.plus(DAY.multipliedBy(30));
        Instant loginAt = noticeDue.plus(Duration.ofHours(1));
        time.pin(TODAY);
        data.reset();
        data.individual("ind-1", "Amélie", "Dupont", CREATED, LAST_LOGIN);
        lifecycle.enrol("ind-1");
        time.pin(loginAt);
        management.executeJob(jobAt(TIMER_NOTICE_DUE).getId());
        String noticeStep = jobAt(TASK_SEND_NOTICE_MAIL).getId();
        int mailsBefore = smtp.getReceivedMessages().length;

        Throwable step = duringAnUncommittedLogin("ind-1", () -> management.executeJob(noticeStep));

        assertThat(step)
                .isInstanceOf(OptimisticLockingException.class)
                .hasMessageContaining("restarted before its notice step ran");
        assertThat(smtp.getReceivedMessages()).hasSize(mailsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sent_mail WHERE individual_id = 'ind-1'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(runningLifecycles()).isEqualTo(1);
        assertThat(lifecycleJobs()).singleElement().satisfies(timer -> {
            assertThat(timer.getId()).isEqualTo(jobAt(TIMER_NOTICE_DUE).getId());
            assertThat(timer.getDuedate()).isEqualTo(Date.from(noticeDue.plus(DAY.multipliedBy(31))));
        });
    }

    @Test
    void shouldDeleteNothingWhenALoginRestartsTheCountdownWhileItsDeletionStepRuns() throws Exception {
        noticeSentAndDeletionDue();
        management.executeJob(jobAt(TIMER_DELETION_DUE).getId());
        String deletionStep = jobAt(TASK_DELETE_ACCOUNT).getId();

        Throwable step = duringAnUncommittedLogin("ind-1", () -> management.executeJob(deletionStep));

        assertThat(step)
                .isInstanceOf(OptimisticLockingException.class)
                .hasMessageContaining("restarted before its deletion step ran");
        assertThat(individuals.findById("ind-1").orElseThrow().isDeleted()).isFalse();
        assertThat(registryCount()).isZero();
        assertThat(runningLifecycles()).isEqualTo(1);
        assertThat(lifecycleJobs())
                .extracting(Job::getId)
                .containsExactly(jobAt(TIMER_NOTICE_DUE).getId());
    }

    @Test
    void shouldStartOneLifecycleWhenFourLoginsArriveAtTheSameTime() throws Exception {
        time.pin(TODAY);
        data.reset();
        data.individual("ind-1", "Amélie", "Dupont", CREATED, LAST_LOGIN);

        List<Object> outcomes = race(
                () -> loginOutcome("ind-1"),
                () -> loginOutcome("ind-1"),
                () -> loginOutcome("ind-1"),
                () -> loginOutcome("ind-1"));

        assertThat(outcomes).containsOnly("logged in");
        assertThat(runningLifecycles()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_enrolment WHERE individual_id = 'ind-1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(lifecycleJobs())
                .extracting(Job::getDuedate)
                .containsExactly(Date.from(TODAY.plus(DAY.multipliedBy(30))));
    }

    @Test
    void shouldRecordOneDeletionAndSendOneMailWhenAnAgentDeletesAsTheLifecycleDoes() throws Exception {
        for (int run = 1; run <= 5; run++) {
            noticeSentAndDeletionDue();
            management.executeJob(jobAt(TIMER_DELETION_DUE).getId());
            int mailsBefore = smtp.getReceivedMessages().length;

            List<Object> outcomes = race(this::runDueJobsAsTheJobExecutor, this::agentDeletionOutcome);
            time.runDueJobs();

            String method = jdbc.sql("SELECT method FROM registry_entry WHERE individual_id = 'ind-1'")
                    .query(String.class)
                    .single();
            assertThat(outcomes.get(1))
                    .as("run %d", run)
                    .isEqualTo(method.equals("MANUAL") ? "deleted by the agent" : "already deleted");
            assertThat(registryCount()).as("run %d", run).isEqualTo(1);
            assertThat(deletionMailsSince(mailsBefore)).as("run %d", run).isEqualTo(1);
            assertThat(runningLifecycles()).as("run %d", run).isZero();
        }
    }

    /** A countdown that has sent its notice, with the clock on its deletion date and the deletion timer due. */
    private void noticeSentAndDeletionDue() {
        time.pin(TODAY);
        data.reset();
        data.individual("ind-1", "Amélie", "Dupont", CREATED, LAST_LOGIN);
        lifecycle.enrol("ind-1");
        time.advanceTo(LAST_LOGIN.plus(DAY.multipliedBy(30)));
        time.pin(DELETION_DUE);
    }

    /** Starts every task at the same moment, each on its own thread, and returns their outcomes in order. */
    @SafeVarargs
    private static List<Object> race(Callable<Object>... tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                running.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> outcome : running) {
                outcomes.add(outcome.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Runs the step while a login holds the individual's row: the login has restarted the countdown and commits half a
     * second after the step started.
     *
     * @return what the step threw, or null
     */
    private Throwable duringAnUncommittedLogin(String individualId, ThrowingCallable step) throws Exception {
        CountDownLatch loginHoldsTheRow = new CountDownLatch(1);
        ExecutorService loginThread = Executors.newSingleThreadExecutor();
        try {
            Future<?> login =
                    loginThread.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                        activity.recordLogin(individualId);
                        loginHoldsTheRow.countDown();
                        Waits.sleep(Duration.ofMillis(500));
                    }));
            assertThat(loginHoldsTheRow.await(30, TimeUnit.SECONDS)).isTrue();
            Throwable thrown = catchThrowable(step);
            login.get(30, TimeUnit.SECONDS);
            return thrown;
        } finally {
            loginThread.shutdownNow();
        }
    }

    private Object loginOutcome(String individualId) {
        try {
            activity.recordLogin(individualId);
            return "logged in";
        } catch (IndividualDeletedException refused) {
            return refused;
        }
    }

    private Object agentDeletionOutcome() {
        try {
            deletion.deleteByAgent("ind-1", "agent", "Asked at the front desk");
            return "deleted by the agent";
        } catch (AlreadyDeletedException refused) {
            return "already deleted";
        }
    }

    /**
     * Runs the due jobs as the job executor does: each is locked first, as an acquisition locks it, so that a login
     * meeting it knows it is about to run, and skipped when someone else wrote the row since it was read. A job that
     * lost a race (an optimistic lock, a deadlock) is left to the next pass. A job whose scope the
     * login interrupted meanwhile may also fail earlier, on an execution tree read half before and half after the
     * login's commit (PostgreSQL reads each statement's own snapshot); its transaction rolls back and no job is left
     * to retry, so neither case changes any data.
     */
    private Object runDueJobsAsTheJobExecutor() {
        List<Job> due;
        while (!(due = management
                        .createJobQuery()
                        .processDefinitionKey(KEY)
                        .executable()
                        .list())
                .isEmpty()) {
            for (Job job : due) {
                if (!lockAsAnAcquisition(job)) {
                    continue;
                }
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                        assertThat(ConflictRetry.isLostRace(failed))
                                .as("a job that failed and is still there lost a race: %s", failed)
                                .isTrue();
                    }
                }
            }
        }
        return "jobs run";
    }

    /** What an acquisition writes, under the revision it read: the row is this executor's for five minutes. */
    private boolean lockAsAnAcquisition(Job job) {
        return jdbc.sql("""
                        UPDATE ACT_RU_JOB SET LOCK_OWNER_ = 'race-executor', LOCK_EXP_TIME_ = ?, REV_ = REV_ + 1
                        WHERE ID_ = ? AND REV_ = ?
                        """)
                        .params(
                                Timestamp.from(time.now().plus(Duration.ofMinutes(5))),
                                job.getId(),
                                ((JobEntity) job).getRevision())
                        .update()
                == 1;
    }

    private long registryCount() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_entry").query(Long.class).single();
    }

    private long runningLifecycles() {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey("ind-1")
                .count();
    }

    private List<Job> lifecycleJobs() {
        return management.createJobQuery().processDefinitionKey(KEY).list();
    }

    private Job jobAt(String activityId) {
        return management.createJobQuery().activityId(activityId).singleResult();
    }

    private long deletionMailsSince(int index) throws MessagingException {
        MimeMessage[] mails = smtp.getReceivedMessages();
        long count = 0;
        for (int i = index; i < mails.length; i++) {
            if (DELETION_SUBJECT.equals(mails[i].getSubject())) {
                count++;
            }
        }
        return count;
    }
}
