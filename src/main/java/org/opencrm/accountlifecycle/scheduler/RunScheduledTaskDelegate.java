package org.opencrm.accountlifecycle.scheduler;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EnrolAndRealign}: one run of the scheduled task. */
@Component
class RunScheduledTaskDelegate implements JavaDelegate {

    private final ScheduledTaskService task;

    RunScheduledTaskDelegate(ScheduledTaskService task) {
        this.task = task;
    }

    @Override
    public void execute(DelegateExecution execution) {
        task.run();
    }
}
