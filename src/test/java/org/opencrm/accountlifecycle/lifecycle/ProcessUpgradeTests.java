package org.opencrm.accountlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_DELETE_ACCOUNT;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.VAR_NOTICE_SENT_AT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new version of {@code account-lifecycle.bpmn} deployed while countdowns run, with notice 30 days, deletion 60
 * days, mode NO_LOGIN. Version 2 is the same diagram with version tag "2"; it is deleted after each test so that the
 * other tests run on the original.
 */
@AccountLifecycleTest
class ProcessUpgradeTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final String NOTICE_SUBJECT = "Votre compte sera bientôt supprimé";
    private static final String DELETION_SUBJECT = "Votre compte a été supprimé";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

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
    ProcessUpgrade upgrade;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    EngineTime time;

    @Autowired
    TestData data;

    private Deployment version2;

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        data.reset();
    }

    @AfterEach
    void removeVersion2AndResetClock() {
        if (version2 != null) {
            repository.deleteDeployment(version2.getId(), true);
        }
        time.reset();
    }

    @Test
    void shouldMoveWaitingCountdownsToVersion2WithTheirDueDatesWhenVersion2IsDeployed() throws Exception {
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        data.individual("ind-waiting", "Jean", "Martin", TODAY.minus(DAY.multipliedBy(400)), lastLogin);
        data.individual("ind-warned", "Zoé", "Martin", TODAY.minus(DAY.multipliedBy(3 * 365)), null);
        lifecycle.enrol("ind-waiting");
        lifecycle.enrol("ind-warned");
        time.runDueJobs();
        ProcessInstance waiting = lifecycleOf("ind-waiting");
        ProcessInstance warned = lifecycleOf("ind-warned");
        assertThat(waiting).isWaitingAt(TIMER_NOTICE_DUE);
        assertThat(warned).isWaitingAt(TIMER_DELETION_DUE);
        Job noticeTimer = timerOf(waiting);
        Job deletionTimer = timerOf(warned);
        assertThat(noticeTimer.getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(20)));
        assertThat(deletionTimer.getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(30)));
        assertThat(noticesTo("ind-warned")).isEqualTo(1);
        String version1 = waiting.getProcessDefinitionId();

        ProcessDefinition latest = deployVersion2();
        ProcessUpgrade.Report report = upgrade.migrateToLatest();

        assertThat(report).isEqualTo(new ProcessUpgrade.Report(latest.getId(), 2, 0));
        assertThat(latest.getVersionTag()).isEqualTo("2");
        assertThat(definitionOf(waiting)).isEqualTo(latest.getId());
        assertThat(definitionOf(warned)).isEqualTo(latest.getId());
        assertThat(timerOf(waiting).getId()).isEqualTo(noticeTimer.getId());
        assertThat(timerOf(waiting).getDuedate()).isEqualTo(noticeTimer.getDuedate());
        assertThat(timerOf(waiting).getProcessDefinitionId()).isEqualTo(latest.getId());
        assertThat(timerOf(warned).getId()).isEqualTo(deletionTimer.getId());
        assertThat(timerOf(warned).getDuedate()).isEqualTo(deletionTimer.getDuedate());
        assertThat(noticeSentAtVariables(warned))
                .singleElement()
                .satisfies(noticeSentAt -> assertThat(noticeSentAt.getValue()).isEqualTo(Date.from(TODAY)));
        assertThat(management.createJobQuery().processDefinitionId(version1).count())
                .isZero();

        time.advanceTo(TODAY.plus(DAY.multipliedBy(20)));
        time.advanceTo(TODAY.plus(DAY.multipliedBy(30)));

        assertThat(noticesTo("ind-warned")).isEqualTo(1);
        assertThat(noticesTo("ind-waiting")).isEqualTo(1);
        assertThat(individuals.findById("ind-warned").orElseThrow().deletedAt())
                .isEqualTo(TODAY.plus(DAY.multipliedBy(30)));
        assertThat(warned).isEnded();
        assertThat(waiting).isWaitingAt(TIMER_DELETION_DUE);

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(60)));

        assertThat(individuals.findById("ind-waiting").orElseThrow().deletedAt())
                .isEqualTo(lastLogin.plus(DAY.multipliedBy(60)));
        assertThat(waiting).isEnded();
        assertThat(deletionRanOn(waiting)).isEqualTo(latest.getId());
        assertThat(deletionRanOn(warned)).isEqualTo(latest.getId());
        assertThat(subjects())
                .containsExactlyInAnyOrder(NOTICE_SUBJECT, NOTICE_SUBJECT, DELETION_SUBJECT, DELETION_SUBJECT);
    }

    @Test
    void shouldMigrateNothingWhenEveryCountdownRunsOnTheLatestVersion() {
        data.individual("ind-1", "Jean", "Martin", TODAY.minus(DAY.multipliedBy(400)), TODAY);
        lifecycle.enrol("ind-1");
        String definition = lifecycleOf("ind-1").getProcessDefinitionId();

        ProcessUpgrade.Report report = upgrade.migrateToLatest();

        assertThat(report).isEqualTo(new ProcessUpgrade.Report(definition, 0, 0));
        assertThat(definitionOf(lifecycleOf("ind-1"))).isEqualTo(definition);
    }

    private ProcessDefinition deployVersion2() throws Exception {
        BpmnModelInstance model;
        try (InputStream original = getClass().getResourceAsStream("/account-lifecycle.bpmn")) {
            model = Bpmn.readModelFromStream(original);
        }
        Process process = model.getModelElementById(KEY);
        process.setCamundaVersionTag("2");
        version2 = repository
                .createDeployment()
                .name("account-lifecycle version 2 (test)")
                .addModelInstance("account-lifecycle.bpmn", model)
                .deploy();
        return repository
                .createProcessDefinitionQuery()
                .deploymentId(version2.getId())
                .singleResult();
    }

    private ProcessInstance lifecycleOf(String individualId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult();
    }

    private String definitionOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getProcessDefinitionId();
    }

    private List<VariableInstance> noticeSentAtVariables(ProcessInstance instance) {
        return runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instance.getId())
                .variableName(VAR_NOTICE_SENT_AT)
                .list();
    }

    private Job timerOf(ProcessInstance instance) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult();
    }

    private String deletionRanOn(ProcessInstance instance) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId(TASK_DELETE_ACCOUNT)
                .singleResult()
                .getProcessDefinitionId();
    }

    private long noticesTo(String individualId) throws MessagingException {
        String address = individualId + "@citizen.example.org";
        long count = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (NOTICE_SUBJECT.equals(message.getSubject())
                    && address.equals(message.getAllRecipients()[0].toString())) {
                count++;
            }
        }
        return count;
    }

    private List<String> subjects() throws MessagingException {
        String[] subjects = new String[smtp.getReceivedMessages().length];
        for (int i = 0; i < subjects.length; i++) {
            subjects[i] = smtp.getReceivedMessages()[i].getSubject();
        }
        return Arrays.asList(subjects);
    }
}
