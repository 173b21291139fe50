package org.opencrm.accountlifecycle.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.support.TestAccounts.integration;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Activity events over HTTP: repeats are harmless, and only an active individual's activity is taken. */
@AccountLifecycleTest
class ActivityApiTests {

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant CREATED = TODAY.minus(DAY.multipliedBy(10));

    @Autowired
    MockMvc mvc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndividualRepository individuals;

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
    void shouldKeepOneCountdownWhenTheSameLoginIsReportedTwice() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);

        ResultActions first = login("ind-1");
        ResultActions second = login("ind-1");

        first.andExpect(status().isNoContent());
        second.andExpect(status().isNoContent());
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .list())
                .singleElement()
                .satisfies(instance -> assertThat(instance.getBusinessKey()).isEqualTo("ind-1"));
        List<Job> timers = management
                .createJobQuery()
                .processDefinitionKey(AccountLifecycleProcess.KEY)
                .timers()
                .list();
        assertThat(timers)
                .singleElement()
                .satisfies(timer ->
                        assertThat(timer.getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(30))));
        assertThat(enrolments()).isEqualTo(1);
        assertThat(individuals.findById("ind-1").orElseThrow().lastLoginAt()).isEqualTo(TODAY);
    }

    @Test
    void shouldAnswerNotFoundAndStartNothingWhenTheIndividualIsUnknown() throws Exception {
        ResultActions response = login("ind-404");

        response.andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("individualId"))
                .andExpect(jsonPath("$.detail").value("individualId: no individual with id 'ind-404'"));
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(enrolments()).isZero();
    }

    @Test
    void shouldAnswerConflictAndRecordNothingWhenTheIndividualIsDeleted() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        jdbc.sql("UPDATE individual SET deleted_at = ? WHERE id = 'ind-1'")
                .param(TODAY.minus(DAY).atOffset(ZoneOffset.UTC))
                .update();

        ResultActions response = login("ind-1");

        response.andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("individualId"))
                .andExpect(jsonPath("$.detail")
                        .value("individualId: individual 'ind-1' is deleted; the account can no longer be used"));
        assertThat(individuals.findById("ind-1").orElseThrow().lastLoginAt()).isNull();
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(enrolments()).isZero();
    }

    @Test
    void shouldAnswerConflictWhenTheIndividualWasDeletedAfterALoginTheSameDay() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        login("ind-1").andExpect(status().isNoContent());
        jdbc.sql("UPDATE individual SET deleted_at = ? WHERE id = 'ind-1'")
                .param(TODAY.atOffset(ZoneOffset.UTC))
                .update();

        ResultActions response = login("ind-1");

        response.andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("individualId"));
        assertThat(individuals.findById("ind-1").orElseThrow().lastLoginAt()).isEqualTo(TODAY);
    }

    @Test
    void shouldAnswerNotFoundAndRecordNothingWhenTheIndividualIsTheAnonymousOne() throws Exception {
        jdbc.sql("""
                        INSERT INTO individual (id, first_name, last_name, email, created_at, anonymous_key)
                        VALUES ('anonymous-1', 'Anonyme', 'Anonyme', 'anonymous@invalid', ?, 'ANONYMOUS')
                        """).param(CREATED.atOffset(ZoneOffset.UTC)).update();

        ResultActions response = login("anonymous-1");

        response.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("individualId: no individual with id 'anonymous-1'"));
        assertThat(individuals.findById("anonymous-1").orElseThrow().lastLoginAt())
                .isNull();
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(enrolments()).isZero();
    }

    @Test
    void shouldRefuseWithAProblemNamingTheFieldWhenTheLoginHasNoIndividual() throws Exception {
        ResultActions response = mvc.perform(post("/api/activity/logins")
                .with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("individualId"))
                .andExpect(jsonPath("$.detail").value("individualId: must not be null"));
    }

    @Test
    void shouldRecordTheUpdateAndKeepOneCountdownWhenTheSameDossierEventIsReportedTwice() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        data.scheme("transport", null);
        data.dossier("dos-1", "transport", "ind-1", "ind-1", null, CREATED);

        ResultActions first = dossierUpdated("dos-1");
        ResultActions second = dossierUpdated("dos-1");

        first.andExpect(status().isNoContent());
        second.andExpect(status().isNoContent());
        assertThat(updatedAt("dos-1")).isEqualTo(TODAY);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isEqualTo(1);
        assertThat(enrolments()).isEqualTo(1);
    }

    @Test
    void shouldAnswerNotFoundWhenTheDossierIsUnknown() throws Exception {
        ResultActions response = dossierUpdated("dos-404");

        response.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("dossierId"))
                .andExpect(jsonPath("$.detail").value("dossierId: no dossier with id 'dos-404'"));
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void shouldAnswerConflictAndKeepTheDossierWhenItsApplicantWasDeleted() throws Exception {
        jdbc.sql("""
                        INSERT INTO individual (id, first_name, last_name, email, created_at, anonymous_key)
                        VALUES ('anonymous-1', 'Anonyme', 'Anonyme', 'anonymous@invalid', ?, 'ANONYMOUS')
                        """).param(CREATED.atOffset(ZoneOffset.UTC)).update();
        data.scheme("transport", null);
        data.dossier("dos-1", "transport", "anonymous-1", "anonymous-1", null, CREATED);

        ResultActions response = dossierUpdated("dos-1");

        response.andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("The applicant of dossier 'dos-1' is deleted; "
                                + "the dossier is kept anonymised, unchanged"));
        assertThat(updatedAt("dos-1")).isEqualTo(CREATED);
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    private ResultActions login(String individualId) throws Exception {
        return mvc.perform(post("/api/activity/logins")
                .with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"individualId\": \"" + individualId + "\"}"));
    }

    private ResultActions dossierUpdated(String dossierId) throws Exception {
        return mvc.perform(post("/api/activity/dossiers")
                .with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dossierId\": \"" + dossierId + "\"}"));
    }

    private long enrolments() {
        return jdbc.sql("SELECT COUNT(*) FROM lifecycle_enrolment")
                .query(Long.class)
                .single();
    }

    private Instant updatedAt(String dossierId) {
        return jdbc.sql("SELECT updated_at FROM dossier WHERE id = ?")
                .param(dossierId)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }
}
