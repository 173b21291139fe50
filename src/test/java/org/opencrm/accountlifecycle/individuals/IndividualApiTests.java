package org.opencrm.accountlifecycle.individuals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.SUBPROCESS_COUNTDOWN;
import static org.opencrm.accountlifecycle.support.TestAccounts.integration;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The individuals API: a create enrols, a change restarts nothing, deleted and Anonymous individuals never show, and
 * bad input changes nothing.
 */
@AccountLifecycleTest
class IndividualApiTests {

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
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    ObjectMapper json;

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
    void shouldCreateAndEnrolTheIndividualWhenTheRequestIsValid() throws Exception {
        ResultActions response = postIndividual(
                Map.of("id", "ind-1", "firstName", "Amélie", "lastName", "Dupont", "email", "amelie@example.org"));

        response.andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("ind-1"))
                .andExpect(jsonPath("$.firstName").value("Amélie"))
                .andExpect(jsonPath("$.lastName").value("Dupont"))
                .andExpect(jsonPath("$.email").value("amelie@example.org"))
                .andExpect(jsonPath("$.createdAt").value("2027-01-11T00:00:00Z"))
                .andExpect(jsonPath("$.lastLoginAt").doesNotExist())
                .andExpect(jsonPath("$.deletedAt").doesNotExist());
        assertThat(noticeTimerOf("ind-1").getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(30)));
    }

    @Test
    void shouldGenerateAnIdWhenNoneIsGiven() throws Exception {
        ResultActions response =
                postIndividual(Map.of("firstName", "Jean", "lastName", "Martin", "email", "jean.martin@example.org"));

        String id = json.readTree(response.andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(individuals.findActiveById(id)).isPresent();
        assertThat(lifecycleOf(id)).isNotNull();
    }

    @Test
    void shouldRefuseWithConflictAndKeepTheFirstWhenTheIdIsTaken() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);

        ResultActions response = postIndividual(
                Map.of("id", "ind-1", "firstName", "Paul", "lastName", "Durand", "email", "paul@example.org"));

        response.andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("id"))
                .andExpect(jsonPath("$.detail").value("The individual id 'ind-1' is already taken"));
        assertThat(individuals.findById("ind-1").orElseThrow().firstName()).isEqualTo("Jean");
        assertThat(processInstances()).isZero();
    }

    @Test
    void shouldRefuseWithConflictWhenTheIdBelongsToADeletedIndividual() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        markDeleted("ind-1");

        ResultActions response = postIndividual(
                Map.of("id", "ind-1", "firstName", "Paul", "lastName", "Durand", "email", "paul@example.org"));

        response.andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The individual id 'ind-1' is already taken"));
        assertThat(individuals.findById("ind-1").orElseThrow().isDeleted()).isTrue();
    }

    @Test
    void shouldReadTheIndividualWhenItIsActive() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, TODAY.minus(DAY));

        ResultActions response = mvc.perform(get("/api/individuals/ind-1").with(integration()));

        response.andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("ind-1"))
                .andExpect(jsonPath("$.firstName").value("Jean"))
                .andExpect(jsonPath("$.email").value("ind-1@citizen.example.org"))
                .andExpect(jsonPath("$.lastLoginAt").value("2027-01-10T00:00:00Z"));
    }

    @Test
    void shouldAnswerNotFoundWhenTheIndividualIsDeleted() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        markDeleted("ind-1");

        ResultActions response = mvc.perform(get("/api/individuals/ind-1").with(integration()));

        response.andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No individual with id 'ind-1'"));
    }

    @Test
    void shouldAnswerNotFoundWhenTheIndividualIsTheAnonymousOne() throws Exception {
        anonymousIndividual("anonymous-1");

        ResultActions response = mvc.perform(get("/api/individuals/anonymous-1").with(integration()));

        response.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No individual with id 'anonymous-1'"));
    }

    @Test
    void shouldListOnlyActiveIndividualsPageByPageWhenSomeAreDeletedOrAnonymous() throws Exception {
        for (String id : new String[] {"ind-1", "ind-2", "ind-3", "ind-4"}) {
            data.individual(id, "Jean", "Martin", CREATED, null);
        }
        markDeleted("ind-2");
        anonymousIndividual("anonymous-1");

        ResultActions first = mvc.perform(get("/api/individuals?page=0&size=2").with(integration()));
        ResultActions second = mvc.perform(get("/api/individuals?page=1&size=2").with(integration()));

        first.andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items[*].id").value(contains("ind-1", "ind-3")));
        second.andExpect(jsonPath("$.items[*].id").value(contains("ind-4")));
    }

    @Test
    void shouldRefuseAPageSizeAbove500() throws Exception {
        ResultActions response = mvc.perform(get("/api/individuals?size=501").with(integration()));

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("size"))
                .andExpect(jsonPath("$.detail").value("size: must be less than or equal to 500"));
    }

    @Test
    void shouldRefuseAPageNumberThatIsNotANumberInPlainWords() throws Exception {
        ResultActions response = mvc.perform(get("/api/individuals?page=abc").with(integration()));

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("page"))
                .andExpect(jsonPath("$.detail").value("page: the value 'abc' must be a whole number"));
    }

    @Test
    void shouldChangeNamesAndMailWithoutRestartingTheCountdown() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        lifecycle.enrol("ind-1");
        Job timer = noticeTimerOf("ind-1");
        time.pin(TODAY.plus(DAY.multipliedBy(5)));

        ResultActions response = putIndividual(
                "ind-1", Map.of("firstName", "Jeanne", "lastName", "Martin-Roy", "email", "jeanne@example.org"));

        response.andExpect(status().isOk())
                .andExpect(jsonPath("$.firstName").value("Jeanne"))
                .andExpect(jsonPath("$.lastName").value("Martin-Roy"))
                .andExpect(jsonPath("$.email").value("jeanne@example.org"));
        Job timerAfter = noticeTimerOf("ind-1");
        assertThat(timerAfter.getId()).isEqualTo(timer.getId());
        assertThat(timerAfter.getDuedate().toInstant()).isEqualTo(CREATED.plus(DAY.multipliedBy(30)));
        assertThat(countdownsStarted("ind-1")).isEqualTo(1);
    }

    @Test
    void shouldAnswerNotFoundAndChangeNothingWhenChangingADeletedIndividual() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        markDeleted("ind-1");

        ResultActions response = putIndividual(
                "ind-1", Map.of("firstName", "Jeanne", "lastName", "Martin", "email", "jeanne@example.org"));

        response.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No individual with id 'ind-1'"));
        assertThat(individuals.findById("ind-1").orElseThrow().firstName()).isEqualTo("Jean");
    }

    static Stream<Arguments> invalidIndividuals() {
        String tenThousand = "A".repeat(10_000);
        return Stream.of(
                Arguments.of(
                        "an invalid mail address",
                        individual("ind-9", "Jean", "Martin", "jean.martin@@example"),
                        "email",
                        "email: must be a mail address such as jeanne.martin@example.org"),
                Arguments.of(
                        "a mail address with two dots in a row, which the mailer refuses",
                        individual("ind-9", "Jean", "Martin", "jean..martin@example.org"),
                        "email",
                        "email: must be a mail address such as jeanne.martin@example.org"),
                Arguments.of(
                        "a mail address whose domain starts with a hyphen",
                        individual("ind-9", "Jean", "Martin", "jean@-example.org"),
                        "email",
                        "email: must be a mail address such as jeanne.martin@example.org"),
                Arguments.of(
                        "a mail address with a line break",
                        individual("ind-9", "Jean", "Martin", "jean@example.org\r\nBcc: victim@example.org"),
                        "email",
                        "must be a mail address such as jeanne.martin@example.org"),
                Arguments.of(
                        "a first name of 10,000 characters",
                        individual("ind-9", tenThousand, "Martin", "jean@example.org"),
                        "firstName",
                        "firstName: size must be between 0 and 200"),
                Arguments.of(
                        "a last name of 10,000 characters",
                        individual("ind-9", "Jean", tenThousand, "jean@example.org"),
                        "lastName",
                        "lastName: size must be between 0 and 200"),
                Arguments.of(
                        "a mail header after CR/LF in a name",
                        individual("ind-9", "Jean\r\nBcc: victim@example.org", "Martin", "jean@example.org"),
                        "firstName",
                        "firstName: must not contain line breaks, tabs or other control characters"),
                Arguments.of(
                        "a tab in a name",
                        individual("ind-9", "Jean", "Mar\ttin", "jean@example.org"),
                        "lastName",
                        "lastName: must not contain line breaks, tabs or other control characters"),
                Arguments.of(
                        "a Unicode line separator in a name",
                        individual("ind-9", "Jean\u2028Bcc: victim@example.org", "Martin", "jean@example.org"),
                        "firstName",
                        "firstName: must not contain line breaks, tabs or other control characters"),
                Arguments.of(
                        "a blank name",
                        individual("ind-9", "Jean", "  ", "jean@example.org"),
                        "lastName",
                        "lastName: must not be blank"),
                Arguments.of(
                        "an id with a slash",
                        individual("ind/9", "Jean", "Martin", "jean@example.org"),
                        "id",
                        "id: must be 1 to 64 letters, digits or . _ : -"),
                Arguments.of(
                        "an id of 65 characters",
                        individual("i".repeat(65), "Jean", "Martin", "jean@example.org"),
                        "id",
                        "id: must be 1 to 64 letters, digits or . _ : -"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIndividuals")
    void shouldRefuseWithAProblemNamingTheFieldAndCreateNothingWhenAFieldIsInvalid(
            String description, Map<String, String> body, String field, String detail) throws Exception {
        ResultActions response = postIndividual(body);

        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
        assertThat(individuals.countActive()).isZero();
        assertThat(processInstances()).isZero();
    }

    @Test
    void shouldRefuseANameHoldingHalfACharacter() throws Exception {
        // a JSON escape of a lone UTF-16 surrogate: Jackson reads it, PostgreSQL would store it as '?'
        ResultActions response = mvc.perform(post("/api/individuals")
                .with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\": \"ind-9\", \"firstName\": \"Zo\\" + "ud800\", \"lastName\": \"Martin\","
                        + " \"email\": \"zoe@example.org\"}"));

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("firstName"))
                .andExpect(jsonPath("$.detail")
                        .value("firstName: must not contain the NUL character nor half a character (a lone"
                                + " surrogate)"));
        assertThat(individuals.countActive()).isZero();
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(strings = {"12345", "1.5", "true"})
    void shouldRefuseANumberOrABooleanWhereTextIsExpected(String id) throws Exception {
        ResultActions response = mvc.perform(post("/api/individuals")
                .with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\": " + id + ", \"firstName\": \"Jean\", \"lastName\": \"Martin\","
                        + " \"email\": \"jean@example.org\"}"));

        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("id"))
                .andExpect(jsonPath("$.detail").value("id: the value '" + id + "' must be text"));
        assertThat(individuals.countActive()).isZero();
        assertThat(processInstances()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"id\": \"ind-9\", \"firstName\": \"Jean\", \"lastName\": \"Martin\","
                        + " \"email\": \"jean@example.org\"} xyz",
                "{\"id\": \"ind-9\", \"firstName\": \"Jean\", \"firstName\": \"Paul\","
                        + " \"lastName\": \"Martin\", \"email\": \"jean@example.org\"}"
            })
    void shouldRefuseTextAfterTheJsonAndAKeyGivenTwice(String body) throws Exception {
        ResultActions response = mvc.perform(post("/api/individuals")
                .with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));

        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(individuals.countActive()).isZero();
        assertThat(processInstances()).isZero();
    }

    /** The same, but the id: the id of a change is the one in the path. */
    static Stream<Arguments> invalidChanges() {
        return invalidIndividuals().filter(arguments -> !arguments.get()[2].equals("id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidChanges")
    void shouldRefuseWithAProblemNamingTheFieldAndChangeNothingWhenAFieldIsInvalid(
            String description, Map<String, String> body, String field, String detail) throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        Map<String, String> change = new HashMap<>(body);
        change.remove("id");

        ResultActions response = putIndividual("ind-1", change);

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
        Individual unchanged = individuals.findById("ind-1").orElseThrow();
        assertThat(unchanged.firstName()).isEqualTo("Jean");
        assertThat(unchanged.lastName()).isEqualTo("Martin");
        assertThat(unchanged.email()).isEqualTo("ind-1@citizen.example.org");
    }

    private static Map<String, String> individual(String id, String firstName, String lastName, String email) {
        return Map.of("id", id, "firstName", firstName, "lastName", lastName, "email", email);
    }

    private ResultActions postIndividual(Map<String, String> body) throws Exception {
        return mvc.perform(post("/api/individuals")
                .with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private ResultActions putIndividual(String id, Map<String, String> body) throws Exception {
        return mvc.perform(put("/api/individuals/" + id)
                .with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private void markDeleted(String individualId) {
        jdbc.sql("UPDATE individual SET deleted_at = ? WHERE id = ?")
                .params(TODAY.minus(DAY).atOffset(ZoneOffset.UTC), individualId)
                .update();
    }

    private void anonymousIndividual(String id) {
        jdbc.sql("""
                        INSERT INTO individual (id, first_name, last_name, email, created_at, anonymous_key)
                        VALUES (?, 'Anonyme', 'Anonyme', 'anonymous@invalid', ?, 'ANONYMOUS')
                        """).params(id, CREATED.atOffset(ZoneOffset.UTC)).update();
    }

    private ProcessInstance lifecycleOf(String individualId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult();
    }

    private long processInstances() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    }

    private Job noticeTimerOf(String individualId) {
        return management
                .createJobQuery()
                .processInstanceId(lifecycleOf(individualId).getId())
                .timers()
                .singleResult();
    }

    private long countdownsStarted(String individualId) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(lifecycleOf(individualId).getId())
                .activityId(SUBPROCESS_COUNTDOWN)
                .count();
    }
}
