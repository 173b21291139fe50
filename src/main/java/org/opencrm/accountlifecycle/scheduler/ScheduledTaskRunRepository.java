package org.opencrm.accountlifecycle.scheduler;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface ScheduledTaskRunRepository extends Repository<ScheduledTaskRun, Long> {

    ScheduledTaskRun save(ScheduledTaskRun run);

    List<ScheduledTaskRun> findAllByOrderByStartedAtDescIdDesc(Pageable page);

    long count();
}
