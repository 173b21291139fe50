package org.opencrm.accountlifecycle.scheduler;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ScheduledTaskRepository extends Repository<ScheduledTask, Integer> {

    Optional<ScheduledTask> findById(Integer id);

    ScheduledTask save(ScheduledTask task);
}
