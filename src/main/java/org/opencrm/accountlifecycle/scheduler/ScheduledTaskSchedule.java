package org.opencrm.accountlifecycle.scheduler;

import org.springframework.stereotype.Component;

/**
 * Gives the timer of {@code processes/unused-accounts-task.bpmn} its cron expression. The engine evaluates it while
 * deploying, before most beans exist, so this bean depends on the task's table alone.
 */
@Component("scheduledTaskSchedule")
public class ScheduledTaskSchedule {

    private final ScheduledTaskRepository tasks;

    ScheduledTaskSchedule(ScheduledTaskRepository tasks) {
        this.tasks = tasks;
    }

    /** The timer expression of {@code Timer_Scheduled}. */
    public String cron() {
        return current().cron();
    }

    ScheduledTask current() {
        return tasks.findById(ScheduledTask.SINGLE_ROW_ID)
                .orElseThrow(
                        () -> new IllegalStateException("The scheduled task row is missing; check the migrations"));
    }
}
