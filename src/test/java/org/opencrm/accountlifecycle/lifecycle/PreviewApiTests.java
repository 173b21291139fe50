package org.opencrm.accountlifecycle.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opencrm.accountlifecycle.support.TestAccounts.administrator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencrm.accountlifecycle.activity.ActivityService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/preview with the clock pinned at 11 January 2027, 09:00 UTC, notice 30 days, deletion 60 days, NO_LOGIN:
 * <ul>
 *   <li>ind-1, last login 10 days ago: notice on 31 January, deletion on 2 March;
 *   <li>ind-2, warned 10 days ago on its day 30: deletion on 31 January;
 *   <li>ind-3, last login 5 days ago: notice on 5 February, deletion on 7 March;
 *   <li>ind-4, last login today: notice on 10 February, deletion on 12 March;
 *   <li>ind-5, last login 35 days ago, its notice overdue: notice now, deletion after the full grace, 10 February.
 * </ul>
 */
@AccountLifecycleTest
class PreviewApiTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant CREATED = TODAY.minus(DAY.multipliedBy(400));

    @Autowired
    MockMvc mvc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    ActivityService activity;

    @Autowired
    EngineTime time;

    @BeforeEach
    void setUp() {
        init(engine);
        TestData data = new TestData(jdbc, runtime);
        time.pin(TODAY.minus(DAY.multipliedBy(20)));
        data.reset();
        data.individual("ind-2", "Jean", "Martin", CREATED, TODAY.minus(DAY.multipliedBy(40)));
        lifecycle.enrol("ind-2");
        time.advanceTo(TODAY.minus(DAY.multipliedBy(10)));
        time.advanceTo(TODAY);
        data.individual("ind-1", "Amélie", "Dupont", CREATED, TODAY.minus(DAY.multipliedBy(10)));
        data.individual("ind-3", "Zoé", "Petit", CREATED, TODAY.minus(DAY.multipliedBy(5)));
        data.individual("ind-4", "Léa", "Moreau", CREATED, TODAY);
        data.individual("ind-5", "Paul", "Bernard", CREATED, TODAY.minus(DAY.multipliedBy(35)));
        for (String id : new String[] {"ind-1", "ind-3", "ind-4", "ind-5"}) {
            lifecycle.enrol(id);
        }
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldListTheNoticesWithTheirFollowingDeletionAndTheDeletionsWhenTheWindowIs30Days() throws Exception {
        mvc.perform(get("/api/preview").param("days", "30").with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2027-01-11T00:00:00Z"))
                .andExpect(jsonPath("$.until").value("2027-02-10T00:00:00Z"))
                .andExpect(jsonPath("$.notices.length()").value(3))
                .andExpect(jsonPath("$.notices[0].individualId").value("ind-5"))
                .andExpect(jsonPath("$.notices[0].noticeAt").value("2027-01-06T00:00:00Z"))
                .andExpect(jsonPath("$.notices[0].deletionAt").value("2027-02-10T00:00:00Z"))
                .andExpect(jsonPath("$.notices[1].individualId").value("ind-1"))
                .andExpect(jsonPath("$.notices[1].noticeAt").value("2027-01-31T00:00:00Z"))
                .andExpect(jsonPath("$.notices[1].deletionAt").value("2027-03-02T00:00:00Z"))
                .andExpect(jsonPath("$.notices[2].individualId").value("ind-3"))
                .andExpect(jsonPath("$.notices[2].noticeAt").value("2027-02-05T00:00:00Z"))
                .andExpect(jsonPath("$.notices[2].deletionAt").value("2027-03-07T00:00:00Z"))
                .andExpect(jsonPath("$.deletions.length()").value(1))
                .andExpect(jsonPath("$.deletions[0].individualId").value("ind-2"))
                .andExpect(jsonPath("$.deletions[0].noticeAt").isEmpty())
                .andExpect(jsonPath("$.deletions[0].deletionAt").value("2027-01-31T00:00:00Z"))
                .andExpect(content().string(not(containsString("Dupont"))))
                .andExpect(content().string(not(containsString("@"))));
    }

    @Test
    void shouldAlsoListTheDeletionsThatFollowANoticeWhenTheWindowIs60Days() throws Exception {
        mvc.perform(get("/api/preview").param("days", "60").with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.until").value("2027-03-12T00:00:00Z"))
                .andExpect(jsonPath("$.notices[*].individualId").value(contains("ind-5", "ind-1", "ind-3", "ind-4")))
                .andExpect(jsonPath("$.notices[3].noticeAt").value("2027-02-10T00:00:00Z"))
                .andExpect(jsonPath("$.notices[3].deletionAt").value("2027-03-12T00:00:00Z"))
                .andExpect(jsonPath("$.deletions[*].individualId").value(contains("ind-2", "ind-5", "ind-1", "ind-3")))
                .andExpect(jsonPath("$.deletions[*].deletionAt")
                        .value(contains(
                                "2027-01-31T00:00:00Z",
                                "2027-02-10T00:00:00Z",
                                "2027-03-02T00:00:00Z",
                                "2027-03-07T00:00:00Z")))
                .andExpect(jsonPath("$.deletions[1].noticeAt").value("2027-01-06T00:00:00Z"));
    }

    @Test
    void shouldLeaveOutTheIndividualWhenItsCountdownRestartsAfterALogin() throws Exception {
        activity.recordLogin("ind-2");

        mvc.perform(get("/api/preview").param("days", "30").with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deletions.length()").value(0));
    }

    @ParameterizedTest(name = "days={0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0     | days: must be greater than or equal to 1",
                "3651  | days: must be less than or equal to 3650",
                "ten   | days: the value 'ten' must be a whole number",
                "1.5   | days: the value '1.5' must be a whole number"
            })
    void shouldAnswer400NamingDaysWhenTheWindowIsInvalid(String days, String detail) throws Exception {
        mvc.perform(get("/api/preview").param("days", days).with(administrator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("days"))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    @Test
    void shouldAnswer400NamingDaysWhenTheWindowIsMissing() throws Exception {
        mvc.perform(get("/api/preview").with(administrator()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("days"))
                .andExpect(jsonPath("$.detail").value("days: is required"));
    }
}
