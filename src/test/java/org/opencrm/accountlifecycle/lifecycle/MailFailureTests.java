package org.opencrm.accountlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_SEND_NOTICE_MAIL;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.activity.ActivityService;
import org.opencrm.accountlifecycle.deletion.AccountDeletionService;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.notification.SentMailService;
import org.opencrm.accountlifecycle.registry.RegistryRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.RefusingSmtp;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;

/**
 * Mails that fail and mails that must not go out twice: the retry cycle of {@code application.yml} (three attempts,
 * five minutes apart), the incident, its resolution, and the record of sent mails. Notice 30 days, deletion 60 days.
 */
@AccountLifecycleTest
class MailFailureTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant LAST_LOGIN = TODAY.minus(DAY.multipliedBy(10));
    private static final Instant NOTICE_DATE = LAST_LOGIN.plus(DAY.multipliedBy(30));

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
    SentMailService sentMails;

    @Autowired
    ActivityService activity;

    @Autowired
    AccountDeletionService deletion;

    @Autowired
    IndividualRepository individuals;

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
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldRaiseAnIncidentAndNeverDeleteWhenSmtpIsDownAtTheNoticeDate() {
        ProcessInstance instance = enrolled("ind-21");
        smtp.stop();

        List<Integer> retriesLeft = failNoticeUntilRetriesRunOut(instance);

        assertThat(retriesLeft).containsExactly(2, 1, 0);
        List<Incident> incidents = incidentsOf(instance);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getActivityId()).isEqualTo(TASK_SEND_NOTICE_MAIL);
        assertThat(deletionTimersOf(instance)).isZero();
        assertThat(sentMailRows()).isZero();

        time.advanceTo(LAST_LOGIN.plus(DAY.multipliedBy(365)));

        assertThat(individuals.findActiveById("ind-21")).isPresent();
        assertThat(registry.count()).isZero();
        assertThat(deletionTimersOf(instance)).isZero();
        assertThat(incidentsOf(instance)).hasSize(1);
    }

    @Test
    void shouldSendTheNoticeOnceAndGrantTheFullGracePeriodFromItWhenTheIncidentIsRetried() throws Exception {
        ProcessInstance instance = enrolled("ind-22");
        smtp.stop();
        failNoticeUntilRetriesRunOut(instance);
        time.pin(LAST_LOGIN.plus(DAY.multipliedBy(100)));
        Instant serverBack = time.now();
        smtp.start();

        management.setJobRetries(noticeMailJobOf(instance).getId(), 1);
        time.runDueJobs();

        assertThat(incidentsOf(instance)).isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Votre compte sera bientôt supprimé");
        assertThat(sentMailRows()).isEqualTo(1);
        assertThat(instance).isWaitingAt(TIMER_DELETION_DUE);
        assertThat(deletionTimerOf(instance).getDuedate().toInstant()).isEqualTo(serverBack.plus(DAY.multipliedBy(30)));

        time.advanceTo(serverBack.plus(DAY.multipliedBy(30)).minusSeconds(1));

        assertThat(individuals.findActiveById("ind-22")).isPresent();

        time.advanceTo(serverBack.plus(DAY.multipliedBy(30)));

        assertThat(individuals.findById("ind-22").orElseThrow().deletedAt())
                .isEqualTo(serverBack.plus(DAY.multipliedBy(30)));
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(instance).isEnded();
    }

    @Test
    void shouldRaiseAnIncidentAndSendAfterTheRetryWhenTheServerRefusedTheAddressUntilItWasCorrected() throws Exception {
        ProcessInstance instance = enrolled("ind-26");
        smtp.stop();
        List<Integer> retriesLeft;
        try (RefusingSmtp refusing = new RefusingSmtp("ind-26@citizen.example.org")) {
            retriesLeft = failNoticeUntilRetriesRunOut(instance);
        }
        assertThat(retriesLeft).containsExactly(2, 1, 0);
        assertThat(incidentsOf(instance)).extracting(Incident::getActivityId).containsExactly(TASK_SEND_NOTICE_MAIL);
        assertThat(sentMailRows()).isZero();
        jdbc.sql("UPDATE individual SET email = 'corrected@citizen.example.org' WHERE id = 'ind-26'")
                .update();
        smtp.start();

        management.setJobRetries(noticeMailJobOf(instance).getId(), 1);
        time.runDueJobs();

        assertThat(incidentsOf(instance)).isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0]).hasToString("corrected@citizen.example.org");
        assertThat(instance).isWaitingAt(TIMER_DELETION_DUE);
    }

    @Test
    void shouldSendOneNoticeAndKeepTheFirstSendingTimeWhenTheNoticeOfOneCountdownIsSentTwice() {
        String countdown = enrolled("ind-23").getId();
        time.pin(NOTICE_DATE);

        Instant first = lifecycle.sendNotice("ind-23", countdown);
        time.pin(NOTICE_DATE.plus(Duration.ofHours(1)));
        Instant second = lifecycle.sendNotice("ind-23", countdown);

        assertThat(first).isEqualTo(NOTICE_DATE);
        assertThat(second).isEqualTo(NOTICE_DATE);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(sentMailRows()).isEqualTo(1);
    }

    @Test
    void shouldSendANewNoticeWhenTheCountdownRestartedAfterALogin() {
        String countdown = enrolled("ind-24").getId();
        time.pin(NOTICE_DATE);
        lifecycle.sendNotice("ind-24", countdown);
        time.pin(NOTICE_DATE.plus(DAY.multipliedBy(5)));
        activity.recordLogin("ind-24");
        Instant secondNoticeDate = time.now().plus(DAY.multipliedBy(30));
        time.pin(secondNoticeDate);

        Instant sentAt = lifecycle.sendNotice("ind-24", countdown);

        assertThat(sentAt).isEqualTo(secondNoticeDate);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(jdbc.sql("SELECT cycle FROM sent_mail WHERE individual_id = 'ind-24' ORDER BY sent_at")
                        .query(String.class)
                        .list())
                .containsExactly(
                        LAST_LOGIN.toString(),
                        NOTICE_DATE.plus(DAY.multipliedBy(5)).toString());
    }

    @Test
    void shouldSendOneDeletionMailWhenTheDeletionMailIsSentTwice() throws Exception {
        data.individual("ind-25", "Jean", "Martin", TODAY.minus(DAY.multipliedBy(400)), LAST_LOGIN);
        deletion.deleteForInactivity("ind-25");

        boolean first = sentMails.sendDeletionConfirmationOnce("ind-25");
        boolean second = sentMails.sendDeletionConfirmationOnce("ind-25");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Votre compte a été supprimé");
        assertThat(sentMailRows()).isEqualTo(1);
    }

    private ProcessInstance enrolled(String individualId) {
        data.individual(individualId, "Jean", "Martin", TODAY.minus(DAY.multipliedBy(400)), LAST_LOGIN);
        lifecycle.enrol(individualId);
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult();
    }

    /**
     * Moves the clock to the notice date and then past the due date of each retry, as the job executor would.
     *
     * @return the retries left after each failed attempt
     */
    private List<Integer> failNoticeUntilRetriesRunOut(ProcessInstance instance) {
        time.pin(NOTICE_DATE);
        List<Integer> retriesLeft = new ArrayList<>();
        do {
            assertThatThrownBy(time::runDueJobs).isInstanceOf(MailSendException.class);
            Job mailJob = noticeMailJobOf(instance);
            retriesLeft.add(mailJob.getRetries());
            time.pin(mailJob.getDuedate().toInstant());
        } while (retriesLeft.get(retriesLeft.size() - 1) > 0);
        return retriesLeft;
    }

    private Job noticeMailJobOf(ProcessInstance instance) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(TASK_SEND_NOTICE_MAIL)
                .singleResult();
    }

    private Job deletionTimerOf(ProcessInstance instance) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(TIMER_DELETION_DUE)
                .singleResult();
    }

    private long deletionTimersOf(ProcessInstance instance) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(TIMER_DELETION_DUE)
                .count();
    }

    private List<Incident> incidentsOf(ProcessInstance instance) {
        return runtime.createIncidentQuery().processInstanceId(instance.getId()).list();
    }

    private long sentMailRows() {
        return jdbc.sql("SELECT COUNT(*) FROM sent_mail").query(Long.class).single();
    }
}
