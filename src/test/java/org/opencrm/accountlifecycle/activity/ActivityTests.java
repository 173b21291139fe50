package org.opencrm.accountlifecycle.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.SUBPROCESS_COUNTDOWN;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.lifecycle.CountdownMaintenance;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.settings.InactivityMode;
import org.opencrm.accountlifecycle.settings.SettingsChange;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.FollowUps;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which activity restarts a countdown, and activity of individuals that have none. Notice 30 days, deletion 60. */
@AccountLifecycleTest
class ActivityTests {

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
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    ActivityService activity;

    @Autowired
    SettingsService settings;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    EngineTime time;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestData data;

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
    void shouldKeepTheNoticeDateWhenTheUserLogsInAndOnlyDossiersCount() {
        Instant filed = TODAY.minus(DAY.multipliedBy(10));
        applicantWithOneDossier("ind-1", filed);
        settings.update(settingsWith(InactivityMode.NO_RECENT_DOSSIER, true));
        FollowUps.awaitDone(maintenance);
        lifecycle.enrol("ind-1");
        Job noticeTimer = timerOf("ind-1");

        time.advanceBy(DAY.multipliedBy(5));
        activity.recordLogin("ind-1");

        Job timerAfterLogin = timerOf("ind-1");
        assertThat(timerAfterLogin.getId()).isEqualTo(noticeTimer.getId());
        assertThat(timerAfterLogin.getDuedate().toInstant()).isEqualTo(filed.plus(DAY.multipliedBy(30)));
        assertThat(countdownsStarted("ind-1")).isEqualTo(1);
        assertThat(individuals.findById("ind-1").orElseThrow().lastLoginAt())
                .isEqualTo(TODAY.plus(DAY.multipliedBy(5)));
    }

    @Test
    void shouldRestartTheCountdownFromTheNewDossierWhenOnlyDossiersCount() {
        Instant filed = TODAY.minus(DAY.multipliedBy(10));
        applicantWithOneDossier("ind-1", filed);
        settings.update(settingsWith(InactivityMode.NO_RECENT_DOSSIER, true));
        FollowUps.awaitDone(maintenance);
        lifecycle.enrol("ind-1");
        time.advanceTo(filed.plus(DAY.multipliedBy(35)));
        assertThat(lifecycleOf("ind-1")).isWaitingAt(TIMER_DELETION_DUE);

        activity.fileDossier(new ActivityService.NewDossier("dos-2", "housing-aid", "ind-1", "ind-1", null));

        assertThat(lifecycleOf("ind-1")).isWaitingAt(TIMER_NOTICE_DUE);
        assertThat(timerOf("ind-1").getDuedate().toInstant()).isEqualTo(filed.plus(DAY.multipliedBy(35 + 30)));
        assertThat(countdownsStarted("ind-1")).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void shouldMoveTheNoticeTimerInPlaceWhenTheUserLogsInBeforeTheNotice() {
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        data.individual("ind-1", "Jean", "Martin", CREATED, lastLogin);
        lifecycle.enrol("ind-1");
        Job noticeTimer = timerOf("ind-1");
        int revisionBefore = jobRevision(noticeTimer.getId());
        time.advanceTo(TODAY.plus(DAY.multipliedBy(5)));

        activity.recordLogin("ind-1");

        Job timerAfterLogin = timerOf("ind-1");
        assertThat(timerAfterLogin.getId()).isEqualTo(noticeTimer.getId());
        assertThat(timerAfterLogin.getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(5 + 30)));
        // written under a new revision, so that an executor holding the old one fails its optimistic lock
        assertThat(jobRevision(noticeTimer.getId())).isEqualTo(revisionBefore + 1);
        assertThat(countdownsStarted("ind-1")).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldLeaveTheNoticeTimerUntouchedWhenTheUserLogsInAgainTheSameDay() {
        data.individual("ind-1", "Jean", "Martin", CREATED, TODAY.minus(DAY.multipliedBy(10)));
        lifecycle.enrol("ind-1");
        time.advanceTo(TODAY.plus(Duration.ofHours(10).plusMinutes(15)));
        activity.recordLogin("ind-1");
        Job timerAfterFirstLogin = timerOf("ind-1");
        int revisionAfterFirstLogin = jobRevision(timerAfterFirstLogin.getId());

        double loginsBefore = logins();
        double restartsBefore = restarts("unchanged") + restarts("moved") + restarts("interrupted");

        time.advanceTo(TODAY.plus(Duration.ofHours(18).plusMinutes(40)));
        activity.recordLogin("ind-1");

        // thirty whole days without activity: from the end of today, in the zone of the tests (UTC)
        assertThat(timerAfterFirstLogin.getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(31)));
        assertThat(timerOf("ind-1").getDuedate()).isEqualTo(timerAfterFirstLogin.getDuedate());
        assertThat(jobRevision(timerAfterFirstLogin.getId())).isEqualTo(revisionAfterFirstLogin);
        assertThat(individuals.findById("ind-1").orElseThrow().lastLoginAt())
                .isEqualTo(TODAY.plus(Duration.ofHours(18).plusMinutes(40)));
        assertThat(countdownsStarted("ind-1")).isEqualTo(1);
        assertThat(logins() - loginsBefore).isEqualTo(1.0);
        // the login did not even look at the countdown
        assertThat(restarts("unchanged") + restarts("moved") + restarts("interrupted") - restartsBefore)
                .isZero();
    }

    @Test
    void shouldMoveTheNoticeTimerByADayWhenTheUserLogsInAgainTheNextDay() {
        data.individual("ind-1", "Jean", "Martin", CREATED, TODAY.minus(DAY.multipliedBy(10)));
        lifecycle.enrol("ind-1");
        time.advanceTo(TODAY.plus(Duration.ofHours(23)));
        activity.recordLogin("ind-1");

        time.advanceTo(TODAY.plus(Duration.ofHours(25)));
        activity.recordLogin("ind-1");

        assertThat(timerOf("ind-1").getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(32)));
    }

    @Test
    void shouldInterruptTheCountdownWhenTheUserLogsInWhileAnExecutorHoldsTheNoticeTimer() {
        data.individual("ind-1", "Jean", "Martin", CREATED, TODAY.minus(DAY.multipliedBy(10)));
        lifecycle.enrol("ind-1");
        Job noticeTimer = timerOf("ind-1");
        // what a job executor's acquisition writes: the timer is about to fire whatever its date says
        jdbc.sql("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = 'other-node', LOCK_EXP_TIME_ = ? WHERE ID_ = ?")
                .params(Timestamp.from(TODAY.plus(Duration.ofMinutes(5))), noticeTimer.getId())
                .update();

        activity.recordLogin("ind-1");

        Job timerAfterLogin = timerOf("ind-1");
        assertThat(timerAfterLogin.getId()).isNotEqualTo(noticeTimer.getId());
        assertThat(timerAfterLogin.getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(30)));
        assertThat(countdownsStarted("ind-1")).isEqualTo(2);
        assertThat(management.createJobQuery().jobId(noticeTimer.getId()).count())
                .isZero();
    }

    @Test
    void shouldRecordTheLoginWhenTheMechanismIsDisabled() {
        data.individual("ind-1", "Jean", "Martin", CREATED, TODAY.minus(DAY.multipliedBy(10)));
        settings.update(settingsWith(InactivityMode.NO_LOGIN, false));
        FollowUps.awaitDone(maintenance);

        activity.recordLogin("ind-1");

        assertThat(individuals.findById("ind-1").orElseThrow().lastLoginAt()).isEqualTo(TODAY);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isZero();
    }

    @Test
    void shouldStartACountdownFromTheLoginWhenTheIndividualIsNotEnrolled() {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);

        activity.recordLogin("ind-1");

        assertThat(individuals.findById("ind-1").orElseThrow().lastLoginAt()).isEqualTo(TODAY);
        assertThat(lifecycleOf("ind-1")).isWaitingAt(TIMER_NOTICE_DUE);
        assertThat(timerOf("ind-1").getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(30)));
    }

    private void applicantWithOneDossier(String individualId, Instant filed) {
        data.individual(individualId, "Amélie", "Dupont", CREATED, TODAY.minus(DAY.multipliedBy(200)));
        data.scheme("housing-aid", null);
        data.dossier("dos-1", "housing-aid", individualId, individualId, null, filed);
    }

    private static SettingsChange settingsWith(InactivityMode mode, boolean enabled) {
        return new SettingsChange(30, 60, mode, enabled, "inactivity-notice", "account-deleted");
    }

    private ProcessInstance lifecycleOf(String individualId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult();
    }

    private Job timerOf(String individualId) {
        return management
                .createJobQuery()
                .processInstanceId(lifecycleOf(individualId).getId())
                .timers()
                .singleResult();
    }

    private double restarts(String outcome) {
        Counter counter = meters.find("account_lifecycle.countdown.restarts")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double logins() {
        Counter counter = meters.find("account_lifecycle.activity.events")
                .tag("kind", "login")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** The engine's optimistic-locking revision of a job row: each write of the row raises it. */
    private int jobRevision(String jobId) {
        return jdbc.sql("SELECT REV_ FROM ACT_RU_JOB WHERE ID_ = ?")
                .param(jobId)
                .query(Integer.class)
                .single();
    }

    private long countdownsStarted(String individualId) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(lifecycleOf(individualId).getId())
                .activityId(SUBPROCESS_COUNTDOWN)
                .count();
    }
}
