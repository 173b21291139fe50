package org.opencrm.accountlifecycle.scheduler;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One entry of the task log. */
@Table("scheduled_task_run")
record ScheduledTaskRun(
        @Id Long id,
        Instant startedAt,
        Instant endedAt,
        RunOutcome outcome,
        int enrolled,
        int timersRealigned,
        String error) {}
