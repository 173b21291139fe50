package org.opencrm.accountlifecycle.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.BOUNDARY_ALREADY_DELETED;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.BOUNDARY_DELETED_MANUALLY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.END_ACCOUNT_DELETED;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.END_ALREADY_DELETED;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.START_DELETED_MANUALLY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_DELETE_ACCOUNT;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_SEND_DELETION_MAIL;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_SEND_NOTICE_MAIL;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;
import static org.opencrm.accountlifecycle.support.TestAccounts.agent;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencrm.accountlifecycle.dossiers.Dossier;
import org.opencrm.accountlifecycle.dossiers.DossierRepository;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.registry.DeletionMethod;
import org.opencrm.accountlifecycle.registry.RegistryRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * POST /api/deletions: an agent deletes an individual; the lifecycle ends and the engine sends the deletion mail.
 * Settings: notice 30 days, deletion 60 days, NO_LOGIN.
 */
@AccountLifecycleTest
class ManualDeletionTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant CREATED = TODAY.minus(DAY.multipliedBy(400));
    private static final Instant LAST_LOGIN = TODAY.minus(DAY.multipliedBy(10));
    private static final Instant FILED = TODAY.minus(DAY.multipliedBy(100));
    private static final String DELETION_SUBJECT = "Votre compte a été supprimé";
    private static final String NOTICE_SUBJECT = "Votre compte sera bientôt supprimé";

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
    LifecycleService lifecycle;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    DossierRepository dossiers;

    @Autowired
    RegistryRepository registry;

    @Autowired
    EngineTime time;

    @Autowired
    TestData data;

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        data.reset();
        data.scheme("housing-aid", "HOUSEHOLD");
        data.individual("ind-1", "Amélie", "Dupont", CREATED, LAST_LOGIN);
        data.individual("ind-2", "Jean", "Martin", CREATED, TODAY);
        data.profile("household-1", "HOUSEHOLD", "ind-1", "ind-2");
        data.dossier("dos-1", "housing-aid", "ind-1", "ind-1", "household-1", FILED);
        data.dossier("dos-2", "housing-aid", "ind-2", "ind-1", "household-1", FILED);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldRecordAManualDeletionByTheAgentWhenAnAgentDeletesAnIndividual() throws Exception {
        lifecycle.enrol("ind-1");

        deleteByAgent("ind-1", "  Asked by the person at the front desk  ")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.individualId").value("ind-1"))
                .andExpect(jsonPath("$.deletedAt").value("2027-01-11T00:00:00Z"))
                .andExpect(jsonPath("$.method").value("MANUAL"))
                .andExpect(jsonPath("$.deletedBy").value("agent"))
                .andExpect(jsonPath("$.reason").value("Asked by the person at the front desk"))
                .andExpect(jsonPath("$.dossiersAnonymised").value(1))
                .andExpect(jsonPath("$.beneficiaryDossiers").value(1))
                .andExpect(jsonPath("$.profilesDetached").value(1));

        assertThat(individuals.findById("ind-1").orElseThrow().deletedAt()).isEqualTo(TODAY);
        assertThat(registry.findByIndividualId("ind-1")).hasValueSatisfying(entry -> {
            assertThat(entry.method()).isEqualTo(DeletionMethod.MANUAL);
            assertThat(entry.deletedBy()).isEqualTo("agent");
            assertThat(entry.reason()).isEqualTo("Asked by the person at the front desk");
        });
        String anonymous =
                individuals.findByAnonymousKey("ANONYMOUS").orElseThrow().id();
        assertThat(List.of(dossier("dos-1"), dossier("dos-2")))
                .extracting(Dossier::applicantId, Dossier::beneficiaryId)
                .containsExactly(tuple(anonymous, anonymous), tuple("ind-2", anonymous));
        assertThat(memberships()).containsExactly("household-1:ind-2");
    }

    @Test
    void shouldSendOneDeletionMailAndEndTheLifecycleWhenAnAgentDeletesWhileTheDeletionTimerWaits() throws Exception {
        lifecycle.enrol("ind-1");
        time.advanceTo(LAST_LOGIN.plus(DAY.multipliedBy(30)));
        ProcessInstance instance = lifecycleOf("ind-1");
        assertThat(instance).isWaitingAt(TIMER_DELETION_DUE);
        time.advanceBy(DAY.multipliedBy(5));

        deleteByAgent("ind-1", "Duplicate account").andExpect(status().isCreated());

        assertThat(subjects()).containsExactly(NOTICE_SUBJECT);
        assertThat(instance).isWaitingAt(TASK_SEND_DELETION_MAIL);

        time.runDueJobs();
        time.advanceTo(LAST_LOGIN.plus(DAY.multipliedBy(61)));

        assertThat(subjects()).containsExactly(NOTICE_SUBJECT, DELETION_SUBJECT);
        assertThat(smtp.getReceivedMessages()[1].getAllRecipients()[0]).hasToString("ind-1@citizen.example.org");
        assertThat(registry.count()).isEqualTo(1);
        assertThat(registry.findByIndividualId("ind-1").orElseThrow().method()).isEqualTo(DeletionMethod.MANUAL);
        assertThat(instance)
                .hasPassed(BOUNDARY_DELETED_MANUALLY, END_ACCOUNT_DELETED)
                .hasNotPassed(TASK_DELETE_ACCOUNT);
        assertThat(instance).isEnded();
        assertThat(runningLifecycles()).isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void shouldNeverSendTheNoticeWhenAnAgentDeletesWhileTheNoticeTimerWaits() throws Exception {
        lifecycle.enrol("ind-1");
        ProcessInstance instance = lifecycleOf("ind-1");
        assertThat(instance).isWaitingAt(TIMER_NOTICE_DUE);

        deleteByAgent("ind-1", "Duplicate account").andExpect(status().isCreated());
        time.runDueJobs();
        time.advanceTo(LAST_LOGIN.plus(DAY.multipliedBy(61)));

        assertThat(subjects()).containsExactly(DELETION_SUBJECT);
        assertThat(instance).hasPassed(BOUNDARY_DELETED_MANUALLY).hasNotPassed(TASK_SEND_NOTICE_MAIL);
        assertThat(instance).isEnded();
    }

    @Test
    void shouldSendTheDeletionMailFromALifecycleOfItsOwnWhenTheIndividualHasNone() throws Exception {
        deleteByAgent("ind-1", "Duplicate account").andExpect(status().isCreated());

        assertThat(smtp.getReceivedMessages()).isEmpty();
        ProcessInstance mailOnly = lifecycleOf("ind-1");
        assertThat(mailOnly).isWaitingAt(TASK_SEND_DELETION_MAIL);

        time.runDueJobs();

        assertThat(subjects()).containsExactly(DELETION_SUBJECT);
        assertThat(mailOnly)
                .hasPassed(START_DELETED_MANUALLY, END_ACCOUNT_DELETED)
                .isEnded();
        assertThat(runningLifecycles()).isZero();
    }

    @Test
    void shouldEndWithoutASecondMailOrAnIncidentWhenTheDeletionTaskFindsTheIndividualDeletedByAnAgent()
            throws Exception {
        lifecycle.enrol("ind-1");
        time.advanceTo(LAST_LOGIN.plus(DAY.multipliedBy(30)));
        ProcessInstance countdown = lifecycleOf("ind-1");
        time.pin(LAST_LOGIN.plus(DAY.multipliedBy(60)));
        management.executeJob(timerOf(countdown).getId());
        assertThat(countdown).isWaitingAt(TASK_DELETE_ACCOUNT);
        // a suspended countdown does not take the message: the agent's deletion gets a mail-only lifecycle of its own
        runtime.suspendProcessInstanceById(countdown.getId());
        deleteByAgent("ind-1", "Duplicate account").andExpect(status().isCreated());

        runtime.activateProcessInstanceById(countdown.getId());
        time.runDueJobs();

        assertThat(subjects()).containsExactly(NOTICE_SUBJECT, DELETION_SUBJECT);
        assertThat(registry.count()).isEqualTo(1);
        assertThat(registry.findByIndividualId("ind-1").orElseThrow().method()).isEqualTo(DeletionMethod.MANUAL);
        assertThat(countdown)
                .hasPassed(BOUNDARY_ALREADY_DELETED, END_ALREADY_DELETED)
                .isEnded();
        assertThat(runningLifecycles()).isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void shouldAnswer404AndChangeNothingWhenTheIndividualIsUnknown() throws Exception {
        lifecycle.enrol("ind-1");

        deleteByAgent("ind-404", "Duplicate account")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("individualId"))
                .andExpect(jsonPath("$.detail").value("individualId: no individual with id 'ind-404'"));

        assertThat(registry.count()).isZero();
        assertThat(lifecycleOf("ind-1")).isWaitingAt(TIMER_NOTICE_DUE);
    }

    @Test
    void shouldAnswer409AndChangeNothingWhenTheIndividualIsAlreadyDeleted() throws Exception {
        deleteByAgent("ind-1", "Duplicate account").andExpect(status().isCreated());
        time.runDueJobs();
        time.advanceBy(DAY);
        Dossier before = dossier("dos-2");

        deleteByAgent("ind-1", "Deleted twice")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("individualId"))
                .andExpect(jsonPath("$.detail")
                        .value("Individual 'ind-1' was already deleted at 2027-01-11T00:00:00Z; nothing was changed"));
        time.runDueJobs();

        assertThat(registry.count()).isEqualTo(1);
        assertThat(registry.findByIndividualId("ind-1").orElseThrow().reason()).isEqualTo("Duplicate account");
        assertThat(individuals.findById("ind-1").orElseThrow().deletedAt()).isEqualTo(TODAY);
        assertThat(dossier("dos-2")).isEqualTo(before);
        assertThat(subjects()).containsExactly(DELETION_SUBJECT);
        assertThat(runningLifecycles()).isZero();
    }

    @Test
    void shouldAnswer409AndChangeNothingWhenTheIndividualIsTheAnonymousIndividual() throws Exception {
        deleteByAgent("ind-1", "Duplicate account").andExpect(status().isCreated());
        time.runDueJobs();
        String anonymous =
                individuals.findByAnonymousKey("ANONYMOUS").orElseThrow().id();
        Dossier before = dossier("dos-1");

        deleteByAgent(anonymous, "Cleaning up")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("Individual '" + anonymous + "' is the Anonymous individual, which stands in for"
                                + " deleted people in dossiers; it cannot be deleted"));

        assertThat(individuals.findById(anonymous).orElseThrow().isDeleted()).isFalse();
        assertThat(registry.count()).isEqualTo(1);
        assertThat(dossier("dos-1")).isEqualTo(before);
        assertThat(runningLifecycles()).isZero();
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("no reason", "{\"individualId\": \"ind-1\"}", "reason", "reason: must not be blank"),
                Arguments.of(
                        "a blank reason",
                        "{\"individualId\": \"ind-1\", \"reason\": \"   \"}",
                        "reason",
                        "reason: must not be blank"),
                Arguments.of(
                        "a reason of 501 characters",
                        "{\"individualId\": \"ind-1\", \"reason\": \"" + "x".repeat(501) + "\"}",
                        "reason",
                        "reason: size must be between 0 and 500"),
                Arguments.of(
                        "a reason with a line break",
                        "{\"individualId\": \"ind-1\", \"reason\": \"first line\\nsecond line\"}",
                        "reason",
                        "reason: must not contain control characters (line breaks, tabs, ...)"),
                Arguments.of(
                        "a reason with an escape character",
                        "{\"individualId\": \"ind-1\", \"reason\": \"red \\u001b[31m alert\"}",
                        "reason",
                        "reason: must not contain control characters (line breaks, tabs, ...)"),
                Arguments.of(
                        "no individual",
                        "{\"reason\": \"Duplicate account\"}",
                        "individualId",
                        "individualId: must not be blank"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void shouldAnswer400NamingTheFieldAndChangeNothingWhenTheRequestIsInvalid(
            String description, String body, String field, String detail) throws Exception {
        lifecycle.enrol("ind-1");
        Dossier before = dossier("dos-1");

        mvc.perform(post("/api/deletions")
                        .with(agent())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(detail));

        assertThat(individuals.findActiveById("ind-1")).isPresent();
        assertThat(registry.count()).isZero();
        assertThat(dossier("dos-1")).isEqualTo(before);
        assertThat(memberships()).containsExactly("household-1:ind-1", "household-1:ind-2");
        assertThat(lifecycleOf("ind-1")).isWaitingAt(TIMER_NOTICE_DUE);
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheIdHoldsANulCharacter() throws Exception {
        // a JSON escape of NUL, which PostgreSQL's text types refuse
        deleteByAgent("ind\\u00001", "Duplicate account")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("individualId"))
                .andExpect(jsonPath("$.detail")
                        .value("individualId: must not contain the NUL character nor half a character (a lone"
                                + " surrogate)"));

        assertThat(registry.count()).isZero();
        assertThat(individuals.findById("ind-1").orElseThrow().deletedAt()).isNull();
    }

    private ResultActions deleteByAgent(String individualId, String reason) throws Exception {
        return mvc.perform(post("/api/deletions")
                .with(agent())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"individualId\": \"" + individualId + "\", \"reason\": \"" + reason + "\"}"));
    }

    private ProcessInstance lifecycleOf(String individualId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult();
    }

    private long runningLifecycles() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    }

    private Job timerOf(ProcessInstance instance) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult();
    }

    private Dossier dossier(String id) {
        return dossiers.findById(id).orElseThrow();
    }

    private List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages())
                .map(ManualDeletionTests::subject)
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> memberships() {
        return jdbc.sql("SELECT profile_id, individual_id FROM membership ORDER BY profile_id, individual_id")
                .query((row, number) -> row.getString("profile_id") + ":" + row.getString("individual_id"))
                .list();
    }
}
