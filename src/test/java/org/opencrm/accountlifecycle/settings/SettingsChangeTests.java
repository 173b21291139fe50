package org.opencrm.accountlifecycle.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.deletion.AccountDeletionService;
import org.opencrm.accountlifecycle.lifecycle.CountdownMaintenance;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.FollowUps;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A change of settings applies to the countdowns already running (SPEC section 3). Before it: 30/60, NO_LOGIN. */
@AccountLifecycleTest
class SettingsChangeTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant CREATED = TODAY.minus(DAY.multipliedBy(400));

    @Autowired
    CountdownMaintenance maintenance;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettingsService settings;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    AccountDeletionService deletion;

    @Autowired
    EngineTime time;

    @Autowired
    TestData data;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        data.reset();
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldMoveTheWaitingTimersToTheNewDatesWhenTheDelaysChange() {
        Instant waitingLogin = TODAY.minus(DAY.multipliedBy(10));
        Instant warnedLogin = TODAY.minus(DAY.multipliedBy(35));
        Instant longWarnedLogin = TODAY.minus(DAY.multipliedBy(100));
        enrolled("ind-waiting", waitingLogin);
        enrolled("ind-warned", warnedLogin);
        enrolled("ind-long-warned", longWarnedLogin);
        time.runDueJobs();
        assertThat(lifecycleOf("ind-waiting")).isWaitingAt(TIMER_NOTICE_DUE);
        assertThat(dueDateOf("ind-warned")).isEqualTo(TODAY.plus(DAY.multipliedBy(30)));
        assertThat(lifecycleOf("ind-long-warned")).isWaitingAt(TIMER_DELETION_DUE);

        SettingsService.SettingsUpdate update = settings.update(delays(40, 90, true));

        assertThat(update.countdownsChanged()).isZero();
        assertThat(update.continuesInBackground()).isTrue();
        CountdownMaintenance.Progress followUp = FollowUps.awaitDone(maintenance);
        assertThat(followUp.work()).isEqualTo(CountdownMaintenance.Work.REALIGNMENT);
        assertThat(followUp.state()).isEqualTo(CountdownMaintenance.State.SUCCEEDED);
        assertThat(followUp.checked()).isEqualTo(3);
        assertThat(followUp.changed()).isEqualTo(3);
        assertThat(update.settings().noticeDelayDays()).isEqualTo(40);
        assertThat(dueDateOf("ind-waiting")).isEqualTo(waitingLogin.plus(DAY.multipliedBy(40)));
        // reference + 90 days lies after the notice (sent today) + 50 days of grace
        assertThat(dueDateOf("ind-warned")).isEqualTo(warnedLogin.plus(DAY.multipliedBy(90)));
        // the full grace period after the notice lies after reference + 90 days
        assertThat(dueDateOf("ind-long-warned")).isEqualTo(TODAY.plus(DAY.multipliedBy(50)));
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void shouldStopEveryLifecycleWhenTheMechanismIsDisabled() {
        enrolled("ind-1", TODAY.minus(DAY.multipliedBy(10)));
        enrolled("ind-2", TODAY.minus(DAY.multipliedBy(20)));
        enrolled("ind-3", TODAY.minus(DAY.multipliedBy(40)));
        time.runDueJobs();

        SettingsService.SettingsUpdate update = settings.update(delays(30, 60, false));

        assertThat(update.countdownsChanged()).isEqualTo(3);
        assertThat(update.continuesInBackground()).isFalse();
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isZero();
        assertThat(management.createJobQuery().processDefinitionKey(KEY).count())
                .isZero();
    }

    @Test
    void shouldEnrolEveryActiveIndividualOnceWhenTheMechanismIsEnabledAgain() {
        enrolled("ind-1", TODAY.minus(DAY.multipliedBy(10)));
        enrolled("ind-2", TODAY.minus(DAY.multipliedBy(20)));
        data.individual("ind-3", "Zoé", "Martin", CREATED, TODAY.minus(DAY.multipliedBy(5)));
        data.individual("ind-deleted", "Jean", "Petit", CREATED, null);
        deletion.deleteForInactivity("ind-deleted");
        settings.update(delays(30, 60, false));

        SettingsService.SettingsUpdate update = settings.update(delays(30, 60, true));

        assertThat(update.continuesInBackground()).isTrue();
        CountdownMaintenance.Progress followUp = FollowUps.awaitDone(maintenance);
        assertThat(followUp.work()).isEqualTo(CountdownMaintenance.Work.ENROLMENT);
        assertThat(followUp.state()).isEqualTo(CountdownMaintenance.State.SUCCEEDED);
        assertThat(followUp.changed()).isEqualTo(3);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .list())
                .extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("ind-1", "ind-2", "ind-3");
        assertThat(dueDateOf("ind-3")).isEqualTo(TODAY.plus(DAY.multipliedBy(25)));
    }

    @Test
    void shouldEnrolEachOfSeveralPagesOfIndividualsOnceWhenTheMechanismIsEnabled() {
        // three pages of 500 and a short one, enrolled two at a time by the background pass
        int population = 1_623;
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        settings.update(delays(30, 60, false));
        transaction.executeWithoutResult(status -> {
            for (int i = 1; i <= population; i++) {
                data.individual("ind-%04d".formatted(i), "Amélie", "Dupont", CREATED, lastLogin);
            }
        });

        settings.update(delays(30, 60, true));

        CountdownMaintenance.Progress followUp = FollowUps.awaitDone(maintenance);
        assertThat(followUp.state()).isEqualTo(CountdownMaintenance.State.SUCCEEDED);
        assertThat(followUp.checked()).isEqualTo(population);
        assertThat(followUp.changed()).isEqualTo(population);
        assertThat(jdbc.sql("""
                        SELECT COUNT(DISTINCT e.BUSINESS_KEY_) FROM ACT_RU_EXECUTION e
                        JOIN lifecycle_enrolment l ON l.process_instance_id = e.ID_
                        WHERE e.ID_ = e.PROC_INST_ID_ AND e.BUSINESS_KEY_ = l.individual_id
                        """).query(Long.class).single()).isEqualTo(population);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isEqualTo(population);
        assertThat(management
                        .createJobQuery()
                        .processDefinitionKey(KEY)
                        .duedateHigherThan(
                                Date.from(lastLogin.plus(DAY.multipliedBy(30)).minusMillis(1)))
                        .duedateLowerThan(
                                Date.from(lastLogin.plus(DAY.multipliedBy(30)).plusMillis(1)))
                        .count())
                .isEqualTo(population);
        assertThat(lifecycle.enrolAllWithoutLifecycle()).isZero();
    }

    private void enrolled(String individualId, Instant lastLogin) {
        data.individual(individualId, "Amélie", "Dupont", CREATED, lastLogin);
        lifecycle.enrol(individualId);
    }

    private static SettingsChange delays(int noticeDays, int deletionDays, boolean enabled) {
        return new SettingsChange(
                noticeDays, deletionDays, InactivityMode.NO_LOGIN, enabled, "inactivity-notice", "account-deleted");
    }

    private ProcessInstance lifecycleOf(String individualId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult();
    }

    private Instant dueDateOf(String individualId) {
        Job timer = management
                .createJobQuery()
                .processInstanceId(lifecycleOf(individualId).getId())
                .timers()
                .singleResult();
        return timer.getDuedate().toInstant();
    }
}
