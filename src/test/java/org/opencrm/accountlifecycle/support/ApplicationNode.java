package org.opencrm.accountlifecycle.support;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.opencrm.accountlifecycle.AccountLifecycleApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * One more node of the application in the test JVM: a Spring context of its own, built from the real application
 * class with the "test" profile, on the database of the shared test context (the in-memory H2 database of
 * {@code application-test.yml} lives as long as the JVM; on PostgreSQL both read {@code SPRING_DATASOURCE_URL}).
 * Unlike the shared context it runs a job executor, with the given lock time and an acquisition that looks for due
 * jobs at least every second. Its process engine has a name of its own, since Camunda keeps engines in a static
 * registry by name (letters and digits only: Camunda ignores a name with a hyphen). Close it in the test that
 * started it.
 */
public final class ApplicationNode implements AutoCloseable {

    /** The Camunda starter's bean that runs the jobs its job executor acquires. */
    private static final String JOB_WORKERS = "camundaTaskExecutor";

    private final String name;
    private final ConfigurableApplicationContext context;

    private ApplicationNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /** Starts the node; its job executor starts once the node is ready, as in production. */
    public static ApplicationNode start(String name, Duration lockTime) {
        SpringApplication application = new SpringApplicationBuilder(AccountLifecycleApplication.class)
                .profiles("test")
                .build();
        // the shared test context configured logging for the whole JVM; a node that configured it again would
        // remove what the other tests attached (output capture)
        Set<ApplicationListener<?>> listeners = new LinkedHashSet<>(application.getListeners());
        listeners.removeIf(listener -> listener instanceof LoggingApplicationListener);
        application.setListeners(listeners);
        // as command-line arguments, these win over application-test.yml, which turns the job executor off
        String[] arguments = {
            "--camunda.bpm.process-engine-name=" + name,
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.lock-time-in-millis=" + lockTime.toMillis(),
            // the engine clock jumps ahead in these tests; an idle node must notice soon
            "--camunda.bpm.job-execution.wait-time-in-millis=200",
            "--camunda.bpm.job-execution.max-wait=1000",
            // a job that fails once (rarely seen here: a timer whose follow-up job found no process definition id,
            // ENGINE-16004 on H2, not reproduced alone) is retried within the test's deadline rather than after the
            // production delay of five minutes; the counts asserted stay exact either way
            "--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R3/PT5S",
            "--server.port=0",
            // without Cockpit and the other Camunda webapps: they keep static state that a closing node would clear
            // under the shared context's webapps
            "--camunda.bpm.webapp.enabled=false"
        };
        return new ApplicationNode(name, application.run(arguments));
    }

    public String name() {
        return name;
    }

    /** The owner this node's job executor writes into {@code ACT_RU_JOB.LOCK_OWNER_} when it locks a job. */
    public String lockOwner() {
        return context.getBean(JobExecutor.class).getLockOwner();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /**
     * Stops the node's job workers as a crash between two jobs would: each finishes the job it has started, and the
     * jobs the node has locked and not started (queued, or acquired from now on: its acquisition goes on) stay locked
     * under its lock owner. A {@link #close()} afterwards cannot hand them back, as a dead node cannot.
     */
    public void crashWorkersBetweenJobs() throws InterruptedException {
        ThreadPoolExecutor workers =
                context.getBean(JOB_WORKERS, ThreadPoolTaskExecutor.class).getThreadPoolExecutor();
        workers.shutdown();
        workers.getQueue().clear();
        if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The jobs running on " + name + " did not finish within a minute");
        }
    }

    /**
     * Stops the node as an orderly shutdown does: the job executor first, which hands back the jobs it has not
     * started, then the engine and the connections.
     */
    @Override
    public void close() {
        context.close();
    }
}
