package org.opencrm.accountlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.ApplicationNode;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.opencrm.accountlifecycle.support.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whole application nodes on one database: extra Spring contexts of the real application, each with its own process
 * engine and a running job executor, beside the shared test context (whose job executor is off and which only writes
 * data and reads the outcome). The clock runs, as in production, so that locks expire; the mails reach a real SMTP
 * server. Settings: notice 30 days, deletion 60 days, NO_LOGIN.
 *
 * <p>Every individual is the applicant and beneficiary of one dossier of a scheme that carries a household, and a
 * member of that household, so that each deletion anonymises the dossier, replaces its profile and detaches the
 * individual.
 */
@AccountLifecycleTest
class TwoNodesTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    /** Notice due ten days ago: every notice is due as soon as the countdowns start. */
    private static final Instant LONG_AGO = TODAY.minus(DAY.multipliedBy(40));
    /** Past every deletion date: the notices went out today, the grace period is 30 days. */
    private static final Instant DELETION_DAY = TODAY.plus(DAY.multipliedBy(31));

    /**
     * Due at once: a few thousand, as a regional CRM has on a busy night, so that both nodes acquire in many rounds and
     * meet on the same jobs often. On the two-core build machine the whole lifecycle of these takes about two minutes.
     */
    private static final int INDIVIDUALS = 2_000;

    /** Enough for each node to hold jobs when it stops, few enough to wait for the takeover twice. */
    private static final int INDIVIDUALS_WHEN_A_NODE_STOPS = 200;

    private static final Duration LOCK_TIME = Duration.ofSeconds(10);
    private static final Duration PHASE_DEADLINE = Duration.ofMinutes(6);
    private static final String NOTICE_SUBJECT = "Votre compte sera bientôt supprimé";
    private static final String DELETION_SUBJECT = "Votre compte a été supprimé";
    private static final String SCHEDULED_TASK = "unused-accounts-task";

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EngineTime time;

    @Autowired
    TestData data;

    private final List<ApplicationNode> nodes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        data.reset();
        // The scheduled task's nightly timer lives in the same database and would fire in a node once the running
        // clock passes two o'clock; its run realigns every timer while the nodes work through them, which takes
        // time and makes the test wait on something it does not test (ScheduledTaskTests does). Suspended, its
        // timer is acquired by no node; it is activated again after the test with its due date unchanged.
        management.suspendJobDefinitionByProcessDefinitionKey(SCHEDULED_TASK, true);
    }

    @AfterEach
    void tearDown() {
        nodes.forEach(ApplicationNode::close);
        time.reset();
        management.activateJobDefinitionByProcessDefinitionKey(SCHEDULED_TASK, true);
        data.reset();
    }

    @Test
    void shouldSendEachMailOnceAndDeleteEachAccountOnceWhenTwoNodesShareTheDueJobs() throws MessagingException {
        List<String> ids = population(INDIVIDUALS);
        ApplicationNode nodeA = startNode("nodeA");
        ApplicationNode nodeB = startNode("nodeB");
        time.runFrom(TODAY);

        lifecycle.enrolAllWithoutLifecycle();
        awaitCount("deletion timers", this::deletionTimers, INDIVIDUALS);

        assertThat(recipientsOf(NOTICE_SUBJECT)).containsExactlyInAnyOrderElementsOf(addresses(ids));
        assertThat(noticesSentBy(nodeA)).isPositive();
        assertThat(noticesSentBy(nodeB)).isPositive();
        assertThat(noticesSentBy(nodeA) + noticesSentBy(nodeB)).isEqualTo(INDIVIDUALS);

        time.runFrom(DELETION_DAY);
        awaitCount("running lifecycles", this::runningLifecycles, 0);

        assertEveryoneDeletedOnce(ids);
    }

    @Test
    void shouldFinishTheWorkOfACrashedNodeOnceItsLocksExpired() throws Exception {
        List<String> ids = population(INDIVIDUALS_WHEN_A_NODE_STOPS);
        ApplicationNode nodeA = startNode("nodeA");
        ApplicationNode nodeB = startNode("nodeB");
        time.runFrom(TODAY);
        lifecycle.enrolAllWithoutLifecycle();
        awaitAtLeast("notices sent", () -> sentMails("NOTICE"), INDIVIDUALS_WHEN_A_NODE_STOPS / 4);

        List<String> leftLockedByA = crashWhileWorking(nodeA);

        assertThat(leftLockedByA).isNotEmpty();
        awaitCount("deletion timers", this::deletionTimers, INDIVIDUALS_WHEN_A_NODE_STOPS);
        assertThat(remaining(leftLockedByA)).isEmpty();
        assertThat(recipientsOf(NOTICE_SUBJECT)).containsExactlyInAnyOrderElementsOf(addresses(ids));

        ApplicationNode nodeC = startNode("nodeC");
        time.runFrom(DELETION_DAY);
        awaitAtLeast(
                "deletions", () -> count("SELECT COUNT(*) FROM registry_entry"), INDIVIDUALS_WHEN_A_NODE_STOPS / 4);

        List<String> leftLockedByB = crashWhileWorking(nodeB);

        assertThat(leftLockedByB).isNotEmpty();
        awaitCount("running lifecycles", this::runningLifecycles, 0);
        assertThat(remaining(leftLockedByB)).isEmpty();
        assertThat(nodeC.isRunning()).isTrue();
        assertEveryoneDeletedOnce(ids);
    }

    @Test
    void shouldKeepTheTimersWithTheirDueDatesWhenTheOnlyNodeRestarts() throws MessagingException {
        int count = 50;
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(20));
        List<String> ids = population(count, lastLogin);
        ApplicationNode first = startNode("nodeBeforeRestart");
        time.runFrom(TODAY);
        first.bean(LifecycleService.class).enrolAllWithoutLifecycle();
        Map<String, Date> timersBefore = noticeTimers();

        first.close();
        startNode("nodeAfterRestart");

        assertThat(timersBefore).hasSize(count);
        assertThat(timersBefore.values()).containsOnly(Date.from(lastLogin.plus(DAY.multipliedBy(30))));
        assertThat(noticeTimers()).isEqualTo(timersBefore);

        time.runFrom(lastLogin.plus(DAY.multipliedBy(30)));
        awaitCount("deletion timers", this::deletionTimers, count);

        assertThat(recipientsOf(NOTICE_SUBJECT)).containsExactlyInAnyOrderElementsOf(addresses(ids));
        assertThat(noticeTimers()).isEmpty();
    }

    private ApplicationNode startNode(String name) {
        ApplicationNode node = ApplicationNode.start(name, LOCK_TIME);
        nodes.add(node);
        return node;
    }

    /**
     * Crashes the node while its job executor has jobs in hand: its workers stop between two jobs, it goes on
     * locking due jobs it will never run, and then it stops for good.
     *
     * @return the ids of the jobs it left locked: no other node may run them before their lock expires
     */
    private List<String> crashWhileWorking(ApplicationNode node) throws InterruptedException {
        String lockOwner = node.lockOwner();

        node.crashWorkersBetweenJobs();
        awaitAtLeast(
                "jobs left locked by " + node.name(), () -> lockedBy(lockOwner).size(), 1);
        node.close();

        return lockedBy(lockOwner);
    }

    private List<String> lockedBy(String lockOwner) {
        return jdbc.sql("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ? AND LOCK_EXP_TIME_ > ?")
                .params(lockOwner, Timestamp.from(time.now()))
                .query(String.class)
                .list();
    }

    private List<String> remaining(List<String> jobIds) {
        return jobIds.stream()
                .filter(id -> management.createJobQuery().jobId(id).count() > 0)
                .toList();
    }

    private void assertEveryoneDeletedOnce(List<String> ids) throws MessagingException {
        assertThat(recipientsOf(NOTICE_SUBJECT)).containsExactlyInAnyOrderElementsOf(addresses(ids));
        assertThat(recipientsOf(DELETION_SUBJECT)).containsExactlyInAnyOrderElementsOf(addresses(ids));
        assertThat(jdbc.sql("""
                                SELECT individual_id FROM registry_entry
                                WHERE method = 'AUTOMATIC' AND dossiers_anonymised = 1 AND profiles_detached = 1
                                """).query(String.class).list()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(count("SELECT COUNT(*) FROM individual WHERE deleted_at IS NOT NULL"))
                .isEqualTo(ids.size());
        // one Anonymous individual and one Anonymous household, however many nodes created them at once
        assertThat(count("SELECT COUNT(*) FROM individual WHERE anonymous_key IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM profile WHERE anonymous_key IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count("""
                        SELECT COUNT(*) FROM dossier d
                        JOIN individual a ON a.id = d.applicant_id AND a.anonymous_key IS NOT NULL
                        JOIN individual b ON b.id = d.beneficiary_id AND b.anonymous_key IS NOT NULL
                        JOIN profile p ON p.id = d.profile_id AND p.anonymous_key IS NOT NULL
                        """)).isEqualTo(ids.size());
        assertThat(count("SELECT COUNT(*) FROM membership")).isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(management.createJobQuery().processDefinitionKey(KEY).count())
                .isZero();
    }

    /** Individuals inactive for 40 days: their notices are ten days overdue. */
    private List<String> population(int count) {
        return population(count, LONG_AGO);
    }

    private List<String> population(int count, Instant lastLogin) {
        List<String> ids =
                IntStream.rangeClosed(1, count).mapToObj(i -> "ind-" + i).toList();
        transaction.executeWithoutResult(status -> {
            data.scheme("housing", "HOUSEHOLD");
            for (String id : ids) {
                data.individual(id, "Jean", "Martin", lastLogin.minus(DAY.multipliedBy(300)), lastLogin);
                data.profile("household-" + id, "HOUSEHOLD", id);
                data.dossier("dossier-" + id, "housing", id, id, "household-" + id, lastLogin);
            }
        });
        return ids;
    }

    private Map<String, Date> noticeTimers() {
        return management.createJobQuery().processDefinitionKey(KEY).activityId(TIMER_NOTICE_DUE).list().stream()
                .collect(Collectors.toMap(Job::getId, Job::getDuedate));
    }

    private long deletionTimers() {
        return management
                .createJobQuery()
                .processDefinitionKey(KEY)
                .activityId(TIMER_DELETION_DUE)
                .count();
    }

    private long runningLifecycles() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    }

    private long sentMails(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM sent_mail WHERE kind = ?")
                .param(kind)
                .query(Long.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static double noticesSentBy(ApplicationNode node) {
        return node.bean(MeterRegistry.class).find("account_lifecycle.notices.sent").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static void awaitCount(String what, LongSupplier count, long expected) {
        await(what, count, expected, true);
    }

    private static void awaitAtLeast(String what, LongSupplier count, long expected) {
        await(what, count, expected, false);
    }

    private static void await(String what, LongSupplier count, long expected, boolean exactly) {
        Instant deadline = Instant.now().plus(PHASE_DEADLINE);
        long seen;
        while ((seen = count.getAsLong()) != expected && (exactly || seen < expected)) {
            if (Instant.now().isAfter(deadline)) {
                fail(
                        "%s: %d after %s, expected %s%d",
                        what, seen, PHASE_DEADLINE, exactly ? "" : "at least ", expected);
            }
            Waits.sleep(Duration.ofMillis(200));
        }
    }

    private List<String> recipientsOf(String subject) throws MessagingException {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                for (Address recipient : message.getAllRecipients()) {
                    recipients.add(recipient.toString());
                }
            }
        }
        return recipients;
    }

    private static List<String> addresses(List<String> ids) {
        return ids.stream().map(id -> id + "@citizen.example.org").toList();
    }
}
