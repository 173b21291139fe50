package org.opencrm.accountlifecycle.scheduler;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "CRM > Administration > Scheduler": the task, whether it is active, and its task log. */
@Controller
@RequestMapping("/admin/scheduled-task")
class ScheduledTaskPage {

    private static final int RUNS_SHOWN = 20;

    private final ScheduledTaskService task;

    ScheduledTaskPage(ScheduledTaskService task) {
        this.task = task;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("task", task.current());
        model.addAttribute("runs", task.recentRuns(RUNS_SHOWN));
        return "admin/scheduled-task";
    }

    @PostMapping
    String save(
            @RequestParam String cron,
            @RequestParam(defaultValue = "false") boolean active,
            Model model,
            RedirectAttributes redirect) {
        try {
            task.change(cron.strip(), active);
        } catch (InvalidScheduleException e) {
            model.addAttribute("cronError", e.getMessage());
            return show(model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/scheduled-task";
    }
}
