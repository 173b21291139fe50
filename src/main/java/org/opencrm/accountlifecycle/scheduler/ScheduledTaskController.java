package org.opencrm.accountlifecycle.scheduler;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The scheduler screen of the seed: the task, whether it is active, and its task log. */
@Validated
@RestController
@RequestMapping("/api/scheduled-task")
class ScheduledTaskController {

    private final ScheduledTaskService task;

    ScheduledTaskController(ScheduledTaskService task) {
        this.task = task;
    }

    @GetMapping
    TaskView read(@RequestParam(defaultValue = "20") @Min(1) @Max(500) int runs) {
        return new TaskView(task.current(), task.recentRuns(runs));
    }

    @PutMapping
    ScheduledTask change(@Valid @RequestBody TaskChange change) {
        return task.change(change.cron(), change.active());
    }

    record TaskView(ScheduledTask task, List<ScheduledTaskRun> recentRuns) {}

    record TaskChange(
            @NotBlank @Size(max = 120) String cron, @NotNull Boolean active) {}
}
