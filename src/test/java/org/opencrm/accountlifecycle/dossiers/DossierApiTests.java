package org.opencrm.accountlifecycle.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;
import static org.opencrm.accountlifecycle.support.TestAccounts.integration;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Schemes and dossiers over the API. Dossiers count as activity in mode NO_RECENT_DOSSIER; notice 30 days, deletion
 * 60. A dossier points at an existing scheme, active individuals and a profile of its scheme's type.
 */
@AccountLifecycleTest
class DossierApiTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant FILED = TODAY.minus(DAY.multipliedBy(10));

    @Autowired
    CountdownMaintenance maintenance;

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
    SettingsService settings;

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
        settings.update(new SettingsChange(
                30, 60, InactivityMode.NO_RECENT_DOSSIER, true, "inactivity-notice", "account-deleted"));
        FollowUps.awaitDone(maintenance);
        data.individual("ind-1", "Jean", "Martin", TODAY.minus(DAY.multipliedBy(400)), null);
        data.individual("ind-2", "Marie", "Martin", TODAY.minus(DAY.multipliedBy(400)), null);
        data.scheme("transport", null);
        data.scheme("housing-aid", "HOUSEHOLD");
        data.profile("household-1", "HOUSEHOLD", "ind-1", "ind-2");
        data.profile("club-1", "ORGANISATION");
        data.dossier("dos-1", "transport", "ind-1", "ind-1", null, FILED);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldCreateAndListSchemesWhenTheRequestsAreValid() throws Exception {
        ResultActions created = send(post("/api/schemes"), """
                {"id": "school-meals", "name": "Restauration scolaire", "profileType": "HOUSEHOLD"}
                """);

        created.andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("school-meals"))
                .andExpect(jsonPath("$.profileType").value("HOUSEHOLD"));
        mvc.perform(get("/api/schemes?page=1&size=2").with(integration()))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].id").value("transport"));
    }

    @Test
    void shouldRefuseToChangeTheProfileTypeOfASchemeWhenItHasDossiers() throws Exception {
        ResultActions response = send(put("/api/schemes/transport"), """
                {"name": "Transport scolaire", "profileType": "HOUSEHOLD"}
                """);

        response.andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("profileType"))
                .andExpect(jsonPath("$.detail")
                        .value("The profile type of scheme 'transport' cannot change: it has 1 dossier(s)"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheme WHERE id = 'transport' AND profile_type IS NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldRestartTheApplicantsCountdownWhenADossierIsFiled() throws Exception {
        lifecycle.enrol("ind-1");
        time.advanceTo(FILED.plus(DAY.multipliedBy(35)));
        assertThat(lifecycleOf("ind-1")).isWaitingAt(TIMER_DELETION_DUE);

        ResultActions response = send(post("/api/dossiers"), """
                {"id": "dos-2", "schemeId": "housing-aid", "applicantId": "ind-1", "beneficiaryId": "ind-2",
                 "profileId": "household-1"}
                """);

        response.andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("dos-2"))
                .andExpect(jsonPath("$.profileId").value("household-1"))
                .andExpect(jsonPath("$.createdAt").value("2027-02-05T00:00:00Z"));
        assertThat(lifecycleOf("ind-1")).isWaitingAt(TIMER_NOTICE_DUE);
        assertThat(noticeDueOf("ind-1")).isEqualTo(FILED.plus(DAY.multipliedBy(35 + 30)));
    }

    @Test
    void shouldRestartTheApplicantsCountdownAndKeepTheApplicantWhenADossierIsChanged() throws Exception {
        lifecycle.enrol("ind-1");
        time.advanceTo(FILED.plus(DAY.multipliedBy(35)));

        ResultActions response = send(put("/api/dossiers/dos-1"), """
                {"schemeId": "housing-aid", "beneficiaryId": "ind-2", "profileId": "household-1"}
                """);

        response.andExpect(status().isOk())
                .andExpect(jsonPath("$.applicantId").value("ind-1"))
                .andExpect(jsonPath("$.beneficiaryId").value("ind-2"))
                .andExpect(jsonPath("$.createdAt").value("2027-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.updatedAt").value("2027-02-05T00:00:00Z"));
        assertThat(noticeDueOf("ind-1")).isEqualTo(FILED.plus(DAY.multipliedBy(35 + 30)));
    }

    @Test
    void shouldRefuseWithConflictWhenTheDossierIdIsTaken() throws Exception {
        ResultActions response = send(post("/api/dossiers"), """
                {"id": "dos-1", "schemeId": "transport", "applicantId": "ind-2", "beneficiaryId": "ind-2"}
                """);

        response.andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The dossier id 'dos-1' is already taken"));
        assertThat(jdbc.sql("SELECT applicant_id FROM dossier WHERE id = 'dos-1'")
                        .query(String.class)
                        .single())
                .isEqualTo("ind-1");
    }

    static Stream<Arguments> invalidDossiers() {
        return Stream.of(
                Arguments.of(
                        "an unknown scheme",
                        dossier("school-bus", "ind-1", "ind-1", null),
                        "schemeId",
                        "schemeId: no scheme with id 'school-bus'"),
                Arguments.of(
                        "a deleted applicant",
                        dossier("transport", "ind-deleted", "ind-1", null),
                        "applicantId",
                        "applicantId: no active individual with id 'ind-deleted'"),
                Arguments.of(
                        "the Anonymous individual as beneficiary",
                        dossier("transport", "ind-1", "anonymous-1", null),
                        "beneficiaryId",
                        "beneficiaryId: no active individual with id 'anonymous-1'"),
                Arguments.of(
                        "a profile for a scheme that carries none",
                        dossier("transport", "ind-1", "ind-1", "\"household-1\""),
                        "profileId",
                        "profileId: the dossiers of scheme 'transport' carry no profile"),
                Arguments.of(
                        "no profile for a scheme that requires one",
                        dossier("housing-aid", "ind-1", "ind-1", null),
                        "profileId",
                        "profileId: scheme 'housing-aid' requires a profile of type HOUSEHOLD"),
                Arguments.of(
                        "a profile of another type than the scheme's",
                        dossier("housing-aid", "ind-1", "ind-1", "\"club-1\""),
                        "profileId",
                        "profileId: profile 'club-1' is of type ORGANISATION but scheme 'housing-aid' requires "
                                + "HOUSEHOLD"),
                Arguments.of(
                        "an unknown profile",
                        dossier("housing-aid", "ind-1", "ind-1", "\"household-404\""),
                        "profileId",
                        "profileId: no profile with id 'household-404'"),
                Arguments.of(
                        "a missing applicant", """
                        {"id": "dos-2", "schemeId": "transport", "beneficiaryId": "ind-1"}
                        """,
                        "applicantId", "applicantId: must not be null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDossiers")
    void shouldRefuseWithAProblemNamingTheFieldAndFileNothingWhenAReferenceIsInvalid(
            String description, String body, String field, String detail) throws Exception {
        data.individual("ind-deleted", "Paul", "Durand", TODAY.minus(DAY.multipliedBy(400)), null);
        jdbc.sql("UPDATE individual SET deleted_at = ? WHERE id = 'ind-deleted'")
                .param(TODAY.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                        INSERT INTO individual (id, first_name, last_name, email, created_at, anonymous_key)
                        VALUES ('anonymous-1', 'Anonyme', 'Anonyme', 'anonymous@invalid', ?, 'ANONYMOUS')
                        """).param(TODAY.atOffset(ZoneOffset.UTC)).update();

        ResultActions response = send(post("/api/dossiers"), body);

        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(detail));
        assertThat(jdbc.sql("SELECT id FROM dossier").query(String.class).list())
                .containsExactly("dos-1");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isZero();
    }

    @Test
    void shouldAnswerNotFoundWhenTheDossierIsUnknown() throws Exception {
        ResultActions response = mvc.perform(get("/api/dossiers/dos-404").with(integration()));

        response.andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("No dossier with id 'dos-404'"));
    }

    private static String dossier(String schemeId, String applicantId, String beneficiaryId, String profileJson) {
        return """
                {"id": "dos-2", "schemeId": "%s", "applicantId": "%s", "beneficiaryId": "%s", "profileId": %s}
                """.formatted(schemeId, applicantId, beneficiaryId, profileJson);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ProcessInstance lifecycleOf(String individualId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult();
    }

    private Instant noticeDueOf(String individualId) {
        return management
                .createJobQuery()
                .processInstanceId(lifecycleOf(individualId).getId())
                .timers()
                .singleResult()
                .getDuedate()
                .toInstant();
    }
}
