package org.opencrm.accountlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application was stopped across an individual's notice and deletion dates: at restart the job executor finds
 * both overdue. Nobody is deleted without the full grace period after a notice. Settings: notice 30 days, deletion
 * 60 days (a grace of 30 days), NO_LOGIN.
 */
@AccountLifecycleTest
class OutageTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant CREATED = TODAY.minus(DAY.multipliedBy(400));
    private static final Instant LAST_LOGIN = TODAY.minus(DAY.multipliedBy(10));
    private static final Instant RESTART = LAST_LOGIN.plus(DAY.multipliedBy(200));
    private static final Duration GRACE = DAY.multipliedBy(30);
    private static final String NOTICE_SUBJECT = "Votre compte sera bientôt supprimé";
    private static final String DELETION_SUBJECT = "Votre compte a été supprimé";

    @Autowired
    ProcessEngine engine;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LifecycleService lifecycle;

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
        data.individual("ind-1", "Amélie", "Dupont", CREATED, LAST_LOGIN);
        lifecycle.enrol("ind-1");
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldSendOneNoticeAtRestartWhenTheApplicationWasStoppedPastTheNoticeAndDeletionDates()
            throws MessagingException {
        time.pin(RESTART);

        time.runDueJobs();

        assertThat(subjects()).containsExactly(NOTICE_SUBJECT);
        assertThat(individuals.findById("ind-1").orElseThrow().isDeleted()).isFalse();
        assertThat(management
                        .createJobQuery()
                        .activityId(TIMER_DELETION_DUE)
                        .singleResult()
                        .getDuedate())
                .isEqualTo(Date.from(RESTART.plus(GRACE)));
    }

    @Test
    void shouldDeleteOnlyAfterTheFullGracePeriodFromTheNoticeSentAtRestart() throws MessagingException {
        time.pin(RESTART);
        time.runDueJobs();

        time.advanceTo(RESTART.plus(GRACE).minus(Duration.ofMinutes(1)));

        assertThat(individuals.findById("ind-1").orElseThrow().isDeleted()).isFalse();
        assertThat(subjects()).containsExactly(NOTICE_SUBJECT);

        time.advanceTo(RESTART.plus(GRACE));

        assertThat(individuals.findById("ind-1").orElseThrow().deletedAt()).isEqualTo(RESTART.plus(GRACE));
        assertThat(subjects()).containsExactly(NOTICE_SUBJECT, DELETION_SUBJECT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private List<String> subjects() throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }
}
