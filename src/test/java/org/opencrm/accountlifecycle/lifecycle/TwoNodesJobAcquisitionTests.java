package org.opencrm.accountlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one database, reduced to what decides whether a notice goes out twice: two job executors
 * with their own lock owners acquire the same due jobs at the same moment, each runs only what it acquired. The
 * acquisition is the engine's own command ({@code AcquireJobsCmd}, which locks a job by writing its lock owner under
 * optimistic locking), run on this engine's database from two threads; a second Spring context is not started.
 */
@AccountLifecycleTest
class TwoNodesJobAcquisitionTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    /**
     * Before the first run of the scheduled task's timer, which any start-up or test schedules later than this: the
     * two nodes acquire only lifecycle jobs.
     */
    private static final Instant TODAY = Instant.parse("2026-06-01T00:00:00Z");

    private static final Duration DAY = Duration.ofDays(1);
    private static final int INDIVIDUALS = 12;
    private static final int JOBS_PER_ACQUISITION = 3;
    private static final String NOTICE_SUBJECT = "Votre compte sera bientôt supprimé";

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
    void shouldSendOneNoticePerIndividualWhenTwoNodesAcquireTheSameDueJobs() throws Exception {
        List<String> ids =
                IntStream.rangeClosed(1, INDIVIDUALS).mapToObj(i -> "ind-" + i).toList();
        for (String id : ids) {
            data.individual(id, "Jean", "Martin", TODAY.minus(DAY.multipliedBy(3 * 365)), null);
            lifecycle.enrol(id);
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);

        List<String> ranOnA;
        List<String> ranOnB;
        try {
            Future<List<String>> nodeA = nodes.submit(node("node-a", together));
            Future<List<String>> nodeB = nodes.submit(node("node-b", together));
            ranOnA = nodeA.get(2, TimeUnit.MINUTES);
            ranOnB = nodeB.get(2, TimeUnit.MINUTES);
        } finally {
            nodes.shutdownNow();
        }

        assertThat(ranOnA).doesNotHaveDuplicates().doesNotContainAnyElementsOf(ranOnB);
        assertThat(ranOnB).doesNotHaveDuplicates();
        // per individual: the notice timer, then the notice mail's asynchronous continuations before and after
        assertThat(ranOnA.size() + ranOnB.size()).isEqualTo(3 * INDIVIDUALS);
        assertThat(noticeRecipients())
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().map(id -> id + "@citizen.example.org").toList());
        for (String id : ids) {
            assertThat(lifecycleOf(id)).isWaitingAt(TIMER_DELETION_DUE);
        }
    }

    /**
     * One node's job executor: acquire a few due jobs under its own lock owner, run them, again until nothing is due.
     * The two start their first acquisition together.
     */
    private Callable<List<String>> node(String lockOwner, CyclicBarrier together) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        CommandExecutor commands = configuration.getCommandExecutorTxRequired();
        JobExecutor executor = new DefaultJobExecutor();
        executor.setLockOwner(lockOwner);
        executor.setLockTimeInMillis((int) Duration.ofMinutes(5).toMillis());
        return () -> {
            List<String> ran = new ArrayList<>();
            together.await();
            while (dueLifecycleJobs() > 0) {
                AcquiredJobs acquired = commands.execute(new AcquireJobsCmd(executor, JOBS_PER_ACQUISITION));
                for (List<String> batch : acquired.getJobIdBatches()) {
                    for (String jobId : batch) {
                        management.executeJob(jobId);
                        ran.add(jobId);
                    }
                }
            }
            return ran;
        };
    }

    private long dueLifecycleJobs() {
        return management
                .createJobQuery()
                .processDefinitionKey(KEY)
                .executable()
                .count();
    }

    private ProcessInstance lifecycleOf(String individualId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(individualId)
                .singleResult();
    }

    private List<String> noticeRecipients() throws MessagingException {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (NOTICE_SUBJECT.equals(message.getSubject())) {
                for (Address recipient : message.getAllRecipients()) {
                    recipients.add(recipient.toString());
                }
            }
        }
        return recipients;
    }
}
