package org.opencrm.accountlifecycle.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.accountlifecycle.support.TestAccounts.administrator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.activity.ActivityService;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What an operator watches: the health of the parts and the counters of a lifecycle that ran. */
@AccountLifecycleTest
class OperationsEndpointsTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

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
    MeterRegistry meters;

    @Autowired
    MockMvc mvc;

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

    @Test
    void shouldCountTheNoticeTheDeletionAndTheLoginWhenALifecycleRuns() throws Exception {
        TestData data = new TestData(jdbc, runtime);
        data.individual("ind-m1", "Anne", "Morel", TODAY.minus(DAY.multipliedBy(400)), null);
        data.individual("ind-m2", "Paul", "Morel", TODAY.minus(DAY.multipliedBy(10)), null);
        lifecycle.enrol("ind-m1");
        lifecycle.enrol("ind-m2");
        double notices = count("account_lifecycle.notices.sent");
        double deletions = count("account_lifecycle.deletions");
        double mails = count("account_lifecycle.deletion.mails.sent");
        double logins = count("account_lifecycle.activity.events");

        time.runDueJobs();
        time.advanceBy(DAY.multipliedBy(30));
        activity.recordLogin("ind-m2");

        assertThat(count("account_lifecycle.notices.sent") - notices).isEqualTo(2.0);
        assertThat(count("account_lifecycle.deletions") - deletions).isEqualTo(1.0);
        assertThat(count("account_lifecycle.deletion.mails.sent") - mails).isEqualTo(1.0);
        assertThat(count("account_lifecycle.activity.events") - logins).isEqualTo(1.0);
        String scraped = mvc.perform(get("/actuator/prometheus").with(administrator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(scraped)
                .contains("account_lifecycle_lifecycles_running 1.0")
                .contains("account_lifecycle_incidents_open 0.0")
                .contains("account_lifecycle_deletions_total{method=\"AUTOMATIC\"}")
                .contains("account_lifecycle_activity_events_total{kind=\"login\"}")
                .contains("account_lifecycle_notices_sent_total");
    }

    @Test
    void shouldReportTheDatabaseTheMailServerAndTheEngineWhenTheAdministratorAsks() throws Exception {
        // the job executor's own indicator exists where the job executor runs; tests run without it
        mvc.perform(get("/actuator/health").with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.mail.status").value("UP"))
                .andExpect(jsonPath("$.components.processEngine.status").value("UP"));
    }

    private double count(String name) {
        return meters.find(name).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }
}
