package org.opencrm.accountlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.SUBPROCESS_COUNTDOWN;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.VAR_NOTICE_SENT_AT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.activity.ActivityService;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.registry.DeletionMethod;
import org.opencrm.accountlifecycle.registry.RegistryRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The countdown of one account, end to end, with notice 30 days, deletion 60 days, mode NO_LOGIN. */
@AccountLifecycleTest
class AccountLifecycleTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

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
    ActivityService activity;

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
    void shouldWarnAtDay30AndDeleteAtDay60WhenTheLastLoginIsTenDaysOld() throws Exception {
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        data.individual("ind-1", "Amélie", "Dupont-Lefèvre", TODAY.minus(DAY.multipliedBy(400)), lastLogin);
        lifecycle.enrol("ind-1");
        ProcessInstance instance = lifecycleOf("ind-1");

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(29)));

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(instance).isWaitingAt(TIMER_NOTICE_DUE);

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(30)));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0]).hasToString("ind-1@citizen.example.org");
        assertThat(received[0].getSubject()).isEqualTo("Votre compte sera bientôt supprimé");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(decoded(body)).contains("Bonjour Amélie Dupont-Lefèvre").contains("le 2 mars 2027");
        assertThat(instance).isWaitingAt(TIMER_DELETION_DUE);

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(59)));

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(individuals.findActiveById("ind-1")).isPresent();

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(60)));

        assertThat(individuals.findById("ind-1").orElseThrow().deletedAt())
                .isEqualTo(lastLogin.plus(DAY.multipliedBy(60)));
        assertThat(registry.findByIndividualId("ind-1")).hasValueSatisfying(entry -> {
            assertThat(entry.method()).isEqualTo(DeletionMethod.AUTOMATIC);
            assertThat(entry.deletedBy()).isEqualTo("system");
        });
        assertThat(registry.count()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("Votre compte a été supprimé");
        assertThat(instance).isEnded();
    }

    @Test
    void shouldNotDeleteAtDay60AndWarnAgainAtDay75WhenTheUserLogsInAtDay45() {
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        data.individual("ind-2", "Jean", "O'Neil", TODAY.minus(DAY.multipliedBy(400)), lastLogin);
        lifecycle.enrol("ind-2");
        ProcessInstance instance = lifecycleOf("ind-2");
        time.advanceTo(lastLogin.plus(DAY.multipliedBy(30)));

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(45)));
        activity.recordLogin("ind-2");
        time.advanceTo(lastLogin.plus(DAY.multipliedBy(60)));

        assertThat(individuals.findActiveById("ind-2")).isPresent();
        assertThat(registry.count()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(instance).isWaitingAt(TIMER_NOTICE_DUE);
        assertThat(timerOf(instance).getDuedate().toInstant()).isEqualTo(lastLogin.plus(DAY.multipliedBy(75)));
    }

    @Test
    void shouldWarnAgainAtDay75AndDeleteAtDay105WhenTheUserLogsInAtDay45() {
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        data.individual("ind-4", "Jean", "O'Neil", TODAY.minus(DAY.multipliedBy(400)), lastLogin);
        lifecycle.enrol("ind-4");
        ProcessInstance instance = lifecycleOf("ind-4");
        time.advanceTo(lastLogin.plus(DAY.multipliedBy(45)));

        activity.recordLogin("ind-4");

        assertThat(noticeSentAtVariables(instance)).isEmpty();

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(75)));

        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(instance).isWaitingAt(TIMER_DELETION_DUE);
        assertThat(timerOf(instance).getDuedate().toInstant()).isEqualTo(lastLogin.plus(DAY.multipliedBy(105)));
        String countdownScope = runtime.getActivityInstance(instance.getId())
                .getActivityInstances(SUBPROCESS_COUNTDOWN)[0]
                .getId();
        assertThat(noticeSentAtVariables(instance)).singleElement().satisfies(noticeSentAt -> {
            assertThat(noticeSentAt.getValue()).isEqualTo(Date.from(lastLogin.plus(DAY.multipliedBy(75))));
            assertThat(noticeSentAt.getActivityInstanceId()).isEqualTo(countdownScope);
        });

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(105)).minusSeconds(1));

        assertThat(individuals.findActiveById("ind-4")).isPresent();

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(105)));

        assertThat(individuals.findById("ind-4").orElseThrow().deletedAt())
                .isEqualTo(lastLogin.plus(DAY.multipliedBy(105)));
        assertThat(instance).isEnded();
    }

    @Test
    void shouldWarnAtOnceAndGrantTheFullGracePeriodWhenAnOldAccountIsEnrolled() {
        Instant createdThreeYearsAgo = TODAY.minus(DAY.multipliedBy(3 * 365));
        data.individual("ind-3", "Zoé", "Martin", createdThreeYearsAgo, null);

        lifecycle.enrol("ind-3");
        time.runDueJobs();

        ProcessInstance instance = lifecycleOf("ind-3");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(instance).isWaitingAt(TIMER_DELETION_DUE);
        assertThat(timerOf(instance).getDuedate().toInstant()).isEqualTo(TODAY.plus(DAY.multipliedBy(30)));

        time.advanceTo(TODAY.plus(DAY.multipliedBy(30)).minusSeconds(1));

        assertThat(individuals.findActiveById("ind-3")).isPresent();

        time.advanceTo(TODAY.plus(DAY.multipliedBy(30)));

        assertThat(individuals.findActiveById("ind-3")).isEmpty();
        assertThat(instance).isEnded();
    }

    private ProcessInstance lifecycleOf(String individualId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult();
    }

    private List<VariableInstance> noticeSentAtVariables(ProcessInstance instance) {
        return runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instance.getId())
                .variableName(VAR_NOTICE_SENT_AT)
                .list();
    }

    private Job timerOf(ProcessInstance instance) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult();
    }

    private static String decoded(String quotedPrintable) throws Exception {
        return new String(
                jakarta.mail.internet.MimeUtility.decode(
                                new java.io.ByteArrayInputStream(quotedPrintable.getBytes()), "quoted-printable")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
