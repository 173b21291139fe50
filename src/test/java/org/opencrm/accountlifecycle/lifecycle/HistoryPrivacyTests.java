package org.opencrm.accountlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_SEND_DELETION_MAIL;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_SEND_NOTICE_MAIL;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.VAR_NOTICE_SENT_AT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's history (level {@code audit}) keeps what Cockpit needs and nothing that names the person: after a
 * whole lifecycle neither the history API nor the history tables hold the first name, last name or mail address.
 */
@AccountLifecycleTest
class HistoryPrivacyTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final String FIRST_NAME = "Gwendoline";
    private static final String LAST_NAME = "Kerhervé-Quintin";
    private static final String MAIL = "ind-31@citizen.example.org";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    EngineTime time;

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
    void shouldKeepNoNameOrMailAddressInTheEngineHistoryWhenALifecycleRanToItsEnd() {
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        data.individual("ind-31", FIRST_NAME, LAST_NAME, TODAY.minus(DAY.multipliedBy(400)), lastLogin);
        lifecycle.enrol("ind-31");
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey("ind-31")
                .singleResult();

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(30)));
        time.advanceTo(lastLogin.plus(DAY.multipliedBy(60)));

        assertThat(instance).isEnded();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .list();
        assertThat(activities)
                .extracting(HistoricActivityInstance::getActivityId)
                .contains(TASK_SEND_NOTICE_MAIL, TASK_SEND_DELETION_MAIL);
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list();
        assertThat(variables).extracting(HistoricVariableInstance::getName).containsExactly(VAR_NOTICE_SENT_AT);
        List<String> texts = everythingTheHistoryHolds();
        // the business key is the individual's id: it shows that the scan reached this lifecycle's history
        assertThat(texts).anyMatch(text -> text.contains("ind-31"));
        assertThat(texts)
                .allSatisfy(text -> assertThat(text)
                        .doesNotContainIgnoringCase(FIRST_NAME)
                        .doesNotContainIgnoringCase(LAST_NAME)
                        .doesNotContainIgnoringCase(MAIL));
    }

    /** Every text of the engine's history, through its API and straight from its tables. */
    private List<String> everythingTheHistoryHolds() {
        List<String> texts = new ArrayList<>();
        for (HistoricProcessInstance process :
                history.createHistoricProcessInstanceQuery().list()) {
            texts.add(String.join(
                    "|",
                    String.valueOf(process.getBusinessKey()),
                    String.valueOf(process.getDeleteReason()),
                    String.valueOf(process.getStartUserId()),
                    process.toString()));
        }
        history.createHistoricActivityInstanceQuery().list().forEach(activity -> texts.add(activity.toString()));
        history.createHistoricVariableInstanceQuery()
                .list()
                .forEach(variable ->
                        texts.add(variable.getName() + "=" + variable.getValue() + "|" + variable.getErrorMessage()));
        history.createHistoricDetailQuery().list().forEach(detail -> texts.add(detail.toString()));
        history.createUserOperationLogQuery()
                .list()
                .forEach(entry -> texts.add(String.join(
                        "|",
                        String.valueOf(entry.getProperty()),
                        String.valueOf(entry.getOrgValue()),
                        String.valueOf(entry.getNewValue()),
                        String.valueOf(entry.getAnnotation()))));
        history.createHistoricIncidentQuery()
                .list()
                .forEach(incident -> texts.add(String.valueOf(incident.getIncidentMessage())));
        Stream.of(
                        "SELECT TEXT_, TEXT2_ FROM ACT_HI_VARINST",
                        "SELECT TEXT_, TEXT2_ FROM ACT_HI_DETAIL",
                        "SELECT BUSINESS_KEY_, DELETE_REASON_ FROM ACT_HI_PROCINST")
                .forEach(sql -> texts.addAll(jdbc.sql(sql)
                        .query((row, number) -> row.getString(1) + "|" + row.getString(2))
                        .list()));
        return texts;
    }
}
