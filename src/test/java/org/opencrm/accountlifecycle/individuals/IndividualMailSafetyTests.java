package org.opencrm.accountlifecycle.individuals;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Names already in the database, written by an import or another system before the API refused them, still cannot
 * add a mail header nor markup: the notice is sent with a template that puts the last name into the subject.
 */
@AccountLifecycleTest
class IndividualMailSafetyTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Instant LONG_AGO = TODAY.minus(Duration.ofDays(400));
    private static final String TEMPLATE = "test-name-in-subject";

    @Autowired
    CountdownMaintenance maintenance;

    @Autowired
    ProcessEngine engine;

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
        jdbc.sql("INSERT INTO mail_template (id, name, subject, body) VALUES (?, ?, ?, ?)")
                .params(
                        TEMPLATE,
                        "Name in subject",
                        "Compte de {{lastName}}",
                        "<p>Bonjour {{firstName}} {{lastName}}</p>")
                .update();
        settings.update(new SettingsChange(30, 60, InactivityMode.NO_LOGIN, true, TEMPLATE, "account-deleted"));
        FollowUps.awaitDone(maintenance);
    }

    @AfterEach
    void removeTemplate() {
        time.reset();
        data.reset();
        jdbc.sql("DELETE FROM mail_template WHERE id = ?").param(TEMPLATE).update();
    }

    @Test
    void shouldSendOneSingleLineSubjectAndNoBccWhenALastNameInTheDatabaseCarriesAHeader() throws Exception {
        data.individual("ind-1", "Jean", "Martin\r\nBcc: victim@example.org", LONG_AGO, null);

        lifecycle.enrol("ind-1");
        time.runDueJobs();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage notice = received[0];
        assertThat(notice.getHeader("Bcc")).isNull();
        assertThat(notice.getAllRecipients())
                .extracting(Address::toString)
                .containsExactly("ind-1@citizen.example.org");
        assertThat(notice.getSubject())
                .isEqualTo("Compte de Martin Bcc: victim@example.org")
                .doesNotContain("\r", "\n");
    }

    @Test
    void shouldEscapeTheMarkupWhenANameInTheDatabaseHoldsHtml() throws Exception {
        data.individual("ind-1", "<b>x</b>", "Martin", LONG_AGO, null);

        lifecycle.enrol("ind-1");
        time.runDueJobs();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        String body = (String) received[0].getContent();
        assertThat(body).contains("Bonjour &lt;b&gt;x&lt;/b&gt; Martin").doesNotContain("<b>x</b>");
        assertThat(received[0].getSubject()).isEqualTo("Compte de Martin");
    }
}
