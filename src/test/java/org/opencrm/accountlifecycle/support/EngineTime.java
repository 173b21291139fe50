package org.opencrm.accountlifecycle.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess;

/**
 * Pins the engine clock (which the application clock follows) and runs the jobs that are due, as the job executor
 * would. Always {@link #reset()} after a test.
 */
public final class EngineTime {

    private final ManagementService management;
    private final ProcessEngine engine;

    public EngineTime(ManagementService management, ProcessEngine engine) {
        this.management = management;
        this.engine = engine;
    }

    /** Binds camunda-bpm-assert to this engine (it keeps one per thread) and pins the clock at {@code now}. */
    public void start(Instant now) {
        BpmnAwareTests.init(engine);
        pin(now);
    }

    public void pin(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    /**
     * Lets the clock run from {@code from} at the pace of the real one, for tests with running job executors: a
     * pinned clock would never let a job's lock expire. {@link #pin} or {@link #reset()} stops it.
     */
    public void runFrom(Instant from) {
        ClockUtil.offset(from.toEpochMilli() - System.currentTimeMillis());
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Moves the clock to {@code moment} and runs every job due by then, including the jobs those jobs create. */
    public void advanceTo(Instant moment) {
        pin(moment);
        runDueJobs();
    }

    public void advanceBy(Duration step) {
        advanceTo(now().plus(step));
    }

    /**
     * Runs the due jobs of the account lifecycles only: the scheduled task's daily timer would otherwise run once per
     * day the clock jumps over.
     */
    public void runDueJobs() {
        List<Job> due;
        while (!(due = management
                        .createJobQuery()
                        .processDefinitionKey(AccountLifecycleProcess.KEY)
                        .executable()
                        .list())
                .isEmpty()) {
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    public void reset() {
        ClockUtil.reset();
    }
}
