package org.opencrm.accountlifecycle.registry;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opencrm.accountlifecycle.support.TestAccounts.administrator;
import static org.opencrm.accountlifecycle.support.TestAccounts.agent;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/registry and /api/registry.csv: four deletions around 10 and 11 January 2027, two automatic, two by
 * agents.
 */
@AccountLifecycleTest
class RegistryApiTests {

    private static final Instant TODAY = Instant.parse("2027-01-20T00:00:00Z");
    private static final Instant LATE_ON_THE_9TH = Instant.parse("2027-01-09T23:59:59Z");
    private static final Instant START_OF_THE_10TH = Instant.parse("2027-01-10T00:00:00Z");
    private static final Instant NOON_ON_THE_11TH = Instant.parse("2027-01-11T12:00:00Z");
    private static final Instant START_OF_THE_12TH = Instant.parse("2027-01-12T00:00:00Z");
    private static final String CSV_HEADER = "id,individual_id,deleted_at,method,deleted_by,"
            + "dossiers_anonymised,beneficiary_dossiers,profiles_detached";
    private static final String NOT_ISO = "' must be an ISO date (2027-01-31) or instant (2027-01-31T09:00:00Z)";

    @Autowired
    MockMvc mvc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistryRepository registry;

    @Autowired
    EngineTime time;

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        TestData data = new TestData(jdbc, runtime);
        data.reset();
        deleted(data, "ind-1", LATE_ON_THE_9TH, DeletionMethod.AUTOMATIC, "system", null);
        deleted(data, "ind-2", START_OF_THE_10TH, DeletionMethod.MANUAL, "agent", "Duplicate account");
        deleted(data, "ind-3", NOON_ON_THE_11TH, DeletionMethod.MANUAL, "other-agent", "Asked by the person");
        deleted(data, "ind-4", START_OF_THE_12TH, DeletionMethod.AUTOMATIC, "system", null);
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldListEveryDeletionLatestFirstWhenNoFilterIsGiven() throws Exception {
        mvc.perform(get("/api/registry").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[*].individualId").value(contains("ind-4", "ind-3", "ind-2", "ind-1")))
                .andExpect(jsonPath("$.items[1].deletedAt").value("2027-01-11T12:00:00Z"))
                .andExpect(jsonPath("$.items[1].method").value("MANUAL"))
                .andExpect(jsonPath("$.items[1].deletedBy").value("other-agent"))
                .andExpect(jsonPath("$.items[1].reason").value("Asked by the person"));
    }

    @Test
    void shouldKeepTheWholeDaysWhenFromAndToAreDates() throws Exception {
        mvc.perform(get("/api/registry")
                        .param("from", "2027-01-10")
                        .param("to", "2027-01-11")
                        .with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].individualId").value(contains("ind-3", "ind-2")));
    }

    @Test
    void shouldIncludeFromAndExcludeToWhenBothAreInstants() throws Exception {
        mvc.perform(get("/api/registry")
                        .param("from", "2027-01-10T00:00:00Z")
                        .param("to", "2027-01-12T01:00:00+01:00")
                        .with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].individualId").value(contains("ind-3", "ind-2")));
    }

    @Test
    void shouldKeepOnlyTheAgentsManualDeletionsWhenMethodAndAgentAreGiven() throws Exception {
        mvc.perform(get("/api/registry")
                        .param("method", "MANUAL")
                        .param("agent", "agent")
                        .with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[*].individualId").value(contains("ind-2")));
    }

    @Test
    void shouldAnswerTheSecondPageAndTheTotalWhenTheSizeIsTwo() throws Exception {
        mvc.perform(get("/api/registry").param("page", "1").param("size", "2").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items[*].individualId").value(contains("ind-2", "ind-1")));
    }

    static Stream<Arguments> invalidFilters() {
        return Stream.of(
                Arguments.of("from", "yesterday", "from: the value 'yesterday" + NOT_ISO),
                Arguments.of("to", "2027-13-01", "to: the value '2027-13-01" + NOT_ISO),
                Arguments.of("to", "+100000-01-01", "to: must lie between the years 1 and 9999"),
                Arguments.of("method", "SOMETIMES", "method: the value 'SOMETIMES' must be one of [AUTOMATIC, MANUAL]"),
                Arguments.of("agent", "a".repeat(101), "agent: size must be between 0 and 100"),
                Arguments.of(
                        "agent",
                        "a\u0000b",
                        "agent: must not contain the NUL character nor half a character (a lone surrogate)"),
                Arguments.of("page", "-1", "page: must be greater than or equal to 0"),
                Arguments.of("page", "first", "page: the value 'first' must be a whole number"),
                Arguments.of("page", "99999999999", "page: the value '99999999999' is out of range"),
                Arguments.of("size", "501", "size: must be less than or equal to 500"),
                Arguments.of("size", "0", "size: must be greater than or equal to 1"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidFilters")
    void shouldAnswer400NamingTheParameterWhenAFilterIsInvalid(String parameter, String value, String detail)
            throws Exception {
        mvc.perform(get("/api/registry").param(parameter, value).with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(parameter))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    @Test
    void shouldAnswerAProblemRatherThanCsvWhenTheExportsFilterHoldsANulCharacter() throws Exception {
        mvc.perform(get("/api/registry.csv").param("agent", "a\u0000b").with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("agent"));
    }

    @Test
    void shouldAnswer400NamingToWhenThePeriodEndsBeforeItStarts() throws Exception {
        mvc.perform(get("/api/registry")
                        .param("from", "2027-01-11")
                        .param("to", "2027-01-10")
                        .with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("to"))
                .andExpect(jsonPath("$.detail").value("to: must be after from"));
    }

    @Test
    void shouldExportIdsAndCountsInTheOrderOfDeletionWhenTheCsvIsAskedFor() throws Exception {
        mvc.perform(get("/api/registry.csv").with(agent()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"registry.csv\""))
                .andExpect(content()
                        .string(csv(
                                CSV_HEADER,
                                idOf("ind-1") + ",ind-1,2027-01-09T23:59:59Z,AUTOMATIC,system,2,1,1",
                                idOf("ind-2") + ",ind-2,2027-01-10T00:00:00Z,MANUAL,agent,2,1,1",
                                idOf("ind-3") + ",ind-3,2027-01-11T12:00:00Z,MANUAL,other-agent,2,1,1",
                                idOf("ind-4") + ",ind-4,2027-01-12T00:00:00Z,AUTOMATIC,system,2,1,1")))
                .andExpect(content().string(not(containsString("Dupont"))))
                .andExpect(content().string(not(containsString("@"))));
    }

    @Test
    void shouldExportOnlyTheMatchingDeletionsWhenTheCsvIsFiltered() throws Exception {
        mvc.perform(get("/api/registry.csv")
                        .param("method", "AUTOMATIC")
                        .param("from", "2027-01-10")
                        .with(administrator()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(csv(CSV_HEADER, idOf("ind-4") + ",ind-4,2027-01-12T00:00:00Z,AUTOMATIC,system,2,1,1")));
    }

    @Test
    void shouldAnswer400InsteadOfACsvWhenAFilterIsInvalid() throws Exception {
        mvc.perform(get("/api/registry.csv").param("method", "SOMETIMES").with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("method"));
    }

    private void deleted(TestData data, String id, Instant at, DeletionMethod method, String deletedBy, String reason) {
        data.individual(id, "Amélie", "Dupont", at.minusSeconds(86_400 * 400), null);
        jdbc.sql("UPDATE individual SET deleted_at = ? WHERE id = ?")
                .params(at.atOffset(ZoneOffset.UTC), id)
                .update();
        registry.save(new RegistryEntry(null, id, at, method, deletedBy, reason, 2, 1, 1));
    }

    private long idOf(String individualId) {
        return registry.findByIndividualId(individualId).orElseThrow().id();
    }

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }
}
