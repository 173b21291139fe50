package org.opencrm.accountlifecycle.scheduler;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** "Notify and delete unused accounts": its schedule (a Spring-style cron expression, seconds first) and its switch. */
@Table("scheduled_task")
record ScheduledTask(@Id Integer id, String name, String cron, boolean active) {

    static final int SINGLE_ROW_ID = 1;
}
