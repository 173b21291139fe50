package org.opencrm.accountlifecycle.lifecycle;

import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Who will be warned and who deleted in the coming days, read from the waiting timers: the engine's due dates are
 * the plan. Ids and dates only.
 */
@Service
class LifecyclePreview {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final LifecycleSchedule schedule;
    private final LifecycleProperties properties;
    private final Clock clock;

    LifecyclePreview(
            ManagementService management,
            RuntimeService runtime,
            LifecycleSchedule schedule,
            LifecycleProperties properties,
            Clock clock) {
        this.management = management;
        this.runtime = runtime;
        this.schedule = schedule;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The notices and deletions due before {@code now + days}, each in date order. A countdown waiting for its notice
     * also shows its deletion when that follows within the window: at reference + deletion delay, or after the full
     * grace period from the notice, whichever is later. A notice already overdue (the job executor has yet to take
     * it) goes out now, so its grace period counts from now.
     */
    Preview nextDays(int days) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.dayLength().multipliedBy(days));
        List<Planned> notices = new ArrayList<>();
        List<Planned> deletions = new ArrayList<>();

        forEachWaiting(TIMER_NOTICE_DUE, until, (individualId, noticeAt) -> {
            Instant sentAt = noticeAt.isAfter(now) ? noticeAt : now;
            Instant deletionAt = schedule.countdownOf(individualId).deletionDueAt(sentAt);
            notices.add(new Planned(individualId, noticeAt, deletionAt));
            if (deletionAt.isBefore(until)) {
                deletions.add(new Planned(individualId, noticeAt, deletionAt));
            }
        });
        forEachWaiting(
                TIMER_DELETION_DUE,
                until,
                (individualId, deletionAt) -> deletions.add(new Planned(individualId, null, deletionAt)));

        notices.sort(Comparator.comparing(Planned::noticeAt).thenComparing(Planned::individualId));
        deletions.sort(Comparator.comparing(Planned::deletionAt).thenComparing(Planned::individualId));
        return new Preview(now, until, notices, deletions);
    }

    /** Pages through the active timers of one kind due before {@code until}: memory holds one page of jobs. */
    private void forEachWaiting(String timerId, Instant until, BiConsumer<String, Instant> action) {
        int first = 0;
        List<Job> page;
        do {
            page = management
                    .createJobQuery()
                    .processDefinitionKey(KEY)
                    .activityId(timerId)
                    .timers()
                    .active()
                    .duedateLowerThan(Date.from(until))
                    .orderByJobDuedate()
                    .asc()
                    .orderByJobId()
                    .asc()
                    .listPage(first, properties.pageSize());
            Map<String, String> individualIds = businessKeysOf(page);
            for (Job job : page) {
                action.accept(
                        individualIds.get(job.getProcessInstanceId()),
                        job.getDuedate().toInstant());
            }
            first += page.size();
        } while (page.size() == properties.pageSize());
    }

    /** One query per page rather than one per job. */
    private Map<String, String> businessKeysOf(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return Map.of();
        }
        Set<String> instanceIds = jobs.stream().map(Job::getProcessInstanceId).collect(Collectors.toSet());
        return runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    /**
     * @param from the moment of the preview
     * @param until the end of the window, excluded
     */
    record Preview(Instant from, Instant until, List<Planned> notices, List<Planned> deletions) {}

    /**
     * @param noticeAt when the notice is due; null when it has been sent already
     * @param deletionAt when the deletion follows if nothing happens
     */
    record Planned(String individualId, Instant noticeAt, Instant deletionAt) {}
}
