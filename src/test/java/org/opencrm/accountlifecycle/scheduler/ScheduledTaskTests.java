package org.opencrm.accountlifecycle.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.opencrm.accountlifecycle.support.TestAccounts.administrator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** "Notify and delete unused accounts": the safety net's runs, its task log, its switch and its schedule. */
@AccountLifecycleTest
class ScheduledTaskTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final String NIGHTLY = "0 0 2 * * ?";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScheduledTaskService task;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    MockMvc mvc;

    @Autowired
    EngineTime time;

    @Autowired
    TestData data;

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        data.reset();
        jdbc.sql("DELETE FROM scheduled_task_run").update();
    }

    @AfterEach
    void restoreTheSchedule() {
        task.change(NIGHTLY, true);
        time.reset();
    }

    @Test
    void shouldEnrolTheIndividualsWithoutLifecycleAndLogTheRunWhenItsTimerFires() {
        data.individual("ind-1", "Léa", "Roux", TODAY.minus(DAY.multipliedBy(5)), null);
        data.individual("ind-2", "Hugo", "Blanc", TODAY.minus(DAY.multipliedBy(5)), null);
        Job timer = scheduledTimer();

        time.pin(timer.getDuedate().toInstant());
        management.executeJob(timer.getId());
        runTaskJobs();

        assertThat(lifecycleCount()).isEqualTo(2);
        ScheduledTaskRun run = task.recentRuns(1).get(0);
        assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(run.enrolled()).isEqualTo(2);
        assertThat(run.timersRealigned()).isZero();
        assertThat(scheduledTimer().getDuedate()).isAfter(timer.getDuedate());
    }

    @Test
    void shouldChangeNothingWhenItRunsTwiceInARow() {
        data.individual("ind-1", "Léa", "Roux", TODAY.minus(DAY.multipliedBy(5)), null);
        task.run();
        Date dueAfterFirstRun = noticeTimerOf("ind-1").getDuedate();

        ScheduledTaskRun second = task.run();

        assertThat(second.enrolled()).isZero();
        assertThat(second.timersRealigned()).isZero();
        assertThat(lifecycleCount()).isEqualTo(1);
        assertThat(noticeTimerOf("ind-1").getDuedate()).isEqualTo(dueAfterFirstRun);
    }

    @Test
    void shouldMoveTheTimersWhenTheSettingsWereChangedWithoutTheApplication() {
        data.individual("ind-1", "Léa", "Roux", TODAY.minus(DAY.multipliedBy(5)), null);
        lifecycle.enrol("ind-1");
        jdbc.sql("UPDATE lifecycle_settings SET notice_delay_days = 40, deletion_delay_days = 90")
                .update();

        ScheduledTaskRun run = task.run();

        assertThat(run.timersRealigned()).isEqualTo(1);
        assertThat(noticeTimerOf("ind-1").getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(35)));
    }

    @Test
    void shouldDoNothingButLogTheRunWhenTheTaskIsInactive() {
        data.individual("ind-1", "Léa", "Roux", TODAY.minus(DAY.multipliedBy(5)), null);
        task.change(NIGHTLY, false);

        ScheduledTaskRun run = task.run();

        assertThat(run.outcome()).isEqualTo(RunOutcome.SKIPPED);
        assertThat(lifecycleCount()).isZero();
    }

    @Test
    void shouldReplaceTheTimerWhenTheScheduleChanges() throws Exception {
        mvc.perform(put("/api/scheduled-task")
                        .with(administrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cron\": \"0 30 3 * * ?\", \"active\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cron").value("0 30 3 * * ?"));

        assertThat(management
                        .createJobQuery()
                        .processDefinitionKey(ScheduledTaskService.PROCESS_KEY)
                        .timers()
                        .count())
                .isOne();
        assertThat(scheduledTimer().getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()))
                .satisfies(due -> {
                    assertThat(due.getHour()).isEqualTo(3);
                    assertThat(due.getMinute()).isEqualTo(30);
                });
    }

    @Test
    void shouldRefuseAScheduleThatIsNotACronExpression() throws Exception {
        mvc.perform(put("/api/scheduled-task")
                        .with(administrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cron\": \"every night\", \"active\": false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("cron"))
                .andExpect(jsonPath("$.detail")
                        .value("'every night' is not a cron expression of six fields, seconds"
                                + " first (a plain number of seconds), such as '0 0 2 * * ?' (every night at two)"));

        assertThat(task.current().cron()).isEqualTo(NIGHTLY);
        assertThat(task.current().active()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * * * ?", "0,30 * * * * ?", "*/10 * * * * ?"})
    void shouldRefuseAScheduleThatWouldRunMoreThanOnceAMinute(String cron) {
        assertThatExceptionOfType(InvalidScheduleException.class)
                .isThrownBy(() -> task.change(cron, true))
                .withMessage("'" + cron + "' runs more than once a minute: its first field, the seconds, must be a"
                        + " plain number, such as '0 0 2 * * ?' (every night at two)");

        assertThat(task.current().cron()).isEqualTo(NIGHTLY);
    }

    /** The 31st of February; '?' in both day fields, which Spring reads as every day and the engine as no day. */
    @ParameterizedTest
    @ValueSource(strings = {"0 0 2 31 2 ?", "0 0 0 ? * ?"})
    void shouldRefuseAScheduleThatNeverComesDue(String cron) {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        Date nextRun = scheduledTimer().getDuedate();

        assertThatExceptionOfType(InvalidScheduleException.class)
                .isThrownBy(() -> task.change(cron, true))
                .withMessage("'" + cron + "' names no date that will come, such as the 31st of February: the task"
                        + " would never run");

        assertThat(task.current().cron()).isEqualTo(NIGHTLY);
        assertThat(engine.getRepositoryService().createDeploymentQuery().count())
                .isEqualTo(deployments);
        assertThat(scheduledTimer().getDuedate()).isEqualTo(nextRun);
    }

    @Test
    void shouldRefuseAScheduleThatTheEngineCannotRead() {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();

        // Spring's parser takes a step of 40 days in a month; the engine's refuses it
        assertThatExceptionOfType(InvalidScheduleException.class)
                .isThrownBy(() -> task.change("0 0 2 1-31/40 * ?", true))
                .withMessageStartingWith("'0 0 2 1-31/40 * ?' is refused by the process engine: ");

        assertThat(task.current().cron()).isEqualTo(NIGHTLY);
        assertThat(engine.getRepositoryService().createDeploymentQuery().count())
                .isEqualTo(deployments);
    }

    private Job scheduledTimer() {
        return management
                .createJobQuery()
                .processDefinitionKey(ScheduledTaskService.PROCESS_KEY)
                .timers()
                .singleResult();
    }

    private void runTaskJobs() {
        management
                .createJobQuery()
                .processDefinitionKey(ScheduledTaskService.PROCESS_KEY)
                .messages()
                .list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    private long lifecycleCount() {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(AccountLifecycleProcess.KEY)
                .count();
    }

    private Job noticeTimerOf(String individualId) {
        String instanceId = runtime.createProcessInstanceQuery()
                .processDefinitionKey(AccountLifecycleProcess.KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult()
                .getId();
        return management
                .createJobQuery()
                .processInstanceId(instanceId)
                .timers()
                .singleResult();
    }
}
