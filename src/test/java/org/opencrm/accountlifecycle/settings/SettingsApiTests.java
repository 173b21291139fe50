package org.opencrm.accountlifecycle.settings;

import static org.hamcrest.Matchers.containsString;
import static org.opencrm.accountlifecycle.support.TestAccounts.administrator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencrm.accountlifecycle.lifecycle.CountdownMaintenance;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.FollowUps;
import org.opencrm.accountlifecycle.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** PUT /api/settings refuses bad input with a problem detail naming the field, and then changes nothing. */
@AccountLifecycleTest
class SettingsApiTests {

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");

    @Autowired
    CountdownMaintenance maintenance;

    @Autowired
    MockMvc mvc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EngineTime time;

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        new TestData(jdbc, runtime).reset();
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of(
                        "a notice delay of 0",
                        settings("0", "60", "\"NO_LOGIN\""),
                        "noticeDelayDays",
                        "noticeDelayDays: must be greater than or equal to 1"),
                Arguments.of(
                        "a negative notice delay",
                        settings("-5", "60", "\"NO_LOGIN\""),
                        "noticeDelayDays",
                        "noticeDelayDays: must be greater than or equal to 1"),
                Arguments.of(
                        "a decimal notice delay",
                        settings("1.5", "60", "\"NO_LOGIN\""),
                        "noticeDelayDays",
                        "noticeDelayDays: the value '1.5' must be a whole number"),
                Arguments.of(
                        "a notice delay in letters",
                        settings("\"abc\"", "60", "\"NO_LOGIN\""),
                        "noticeDelayDays",
                        "noticeDelayDays: the value must be a whole number"),
                Arguments.of(
                        "an absurdly long notice delay",
                        settings("1000000000", "60", "\"NO_LOGIN\""),
                        "noticeDelayDays",
                        "noticeDelayDays: must be less than or equal to 36500"),
                Arguments.of(
                        "two absurdly long delays",
                        settings("1000000000", "1000000001", "\"NO_LOGIN\""),
                        "deletionDelayDays",
                        "deletionDelayDays: must be less than or equal to 36500; "
                                + "noticeDelayDays: must be less than or equal to 36500"),
                Arguments.of(
                        "a notice delay beyond any whole number",
                        settings("100000000000000000000", "60", "\"NO_LOGIN\""),
                        "noticeDelayDays",
                        "noticeDelayDays: the value is out of range"),
                Arguments.of(
                        "a deletion delay equal to the notice delay",
                        settings("30", "30", "\"NO_LOGIN\""),
                        "deletionDelayDays",
                        "The deletion delay (30 days) must be longer than the notice delay (30 days)"),
                Arguments.of(
                        "a deletion delay shorter than the notice delay",
                        settings("30", "20", "\"NO_LOGIN\""),
                        "deletionDelayDays",
                        "The deletion delay (20 days) must be longer than the notice delay (30 days)"),
                Arguments.of(
                        "an unknown inactivity mode",
                        settings("30", "60", "\"NEVER\""),
                        "inactivityMode",
                        "inactivityMode: the value 'NEVER' must be one of [NO_LOGIN, NO_RECENT_DOSSIER]"),
                Arguments.of(
                        "a missing field", """
                        {"noticeDelayDays": 40, "deletionDelayDays": 90, "inactivityMode": "NO_LOGIN",
                         "noticeTemplateId": "inactivity-notice", "deletionTemplateId": "account-deleted"}
                        """,
                        "enabled", "enabled: must not be null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void shouldRefuseWithAProblemNamingTheFieldWhenASettingIsInvalid(
            String description, String body, String field, String detail) throws Exception {
        ResultActions response = putSettings(body);

        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));

        expectUnchangedSettings();
    }

    @Test
    void shouldRefuseWithAProblemWhenTheBodyIsNotJson() throws Exception {
        ResultActions response = putSettings("{\"noticeDelayDays\": 40, \"deletionDelayDays\": ");

        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").doesNotExist())
                .andExpect(jsonPath("$.detail").value("The request body is missing or is not well-formed JSON"));

        expectUnchangedSettings();
    }

    @Test
    void shouldAnswerWithTheNewSettingsWhenTheyAreValid() throws Exception {
        ResultActions response = putSettings(settings("40", "90", "\"NO_RECENT_DOSSIER\""));

        response.andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.noticeDelayDays").value(40))
                .andExpect(jsonPath("$.settings.deletionDelayDays").value(90))
                .andExpect(jsonPath("$.settings.inactivityMode").value("NO_RECENT_DOSSIER"))
                .andExpect(jsonPath("$.settings.enabled").value(true))
                .andExpect(jsonPath("$.countdownsChanged").value(0))
                .andExpect(jsonPath("$.continuesInBackground").value(true));
        FollowUps.awaitDone(maintenance);
        mvc.perform(get("/api/settings/follow-up").with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.work").value("REALIGNMENT"))
                .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.checked").value(0));

        mvc.perform(get("/api/settings").with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.noticeDelayDays").value(40))
                .andExpect(jsonPath("$.deletionDelayDays").value(90))
                .andExpect(jsonPath("$.inactivityMode").value("NO_RECENT_DOSSIER"));
    }

    private ResultActions putSettings(String body) throws Exception {
        return mvc.perform(put("/api/settings")
                .with(administrator())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private void expectUnchangedSettings() throws Exception {
        mvc.perform(get("/api/settings").with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.noticeDelayDays").value(30))
                .andExpect(jsonPath("$.deletionDelayDays").value(60))
                .andExpect(jsonPath("$.inactivityMode").value("NO_LOGIN"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.noticeTemplateId").value("inactivity-notice"))
                .andExpect(jsonPath("$.deletionTemplateId").value("account-deleted"));
    }

    /** A complete settings body with the three given JSON values, the rest valid. */
    private static String settings(String noticeDelayDays, String deletionDelayDays, String inactivityMode) {
        return """
                {"noticeDelayDays": %s, "deletionDelayDays": %s, "inactivityMode": %s, "enabled": true,
                 "noticeTemplateId": "inactivity-notice", "deletionTemplateId": "account-deleted"}
                """.formatted(noticeDelayDays, deletionDelayDays, inactivityMode);
    }
}
