package org.opencrm.accountlifecycle.lifecycle;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Who will be warned and who deleted in the coming days, for the administrator to check before it happens. */
@Controller
@RequestMapping("/admin/preview")
class PreviewPage {

    private static final int MAX_DAYS = 3650;

    private final LifecyclePreview preview;

    PreviewPage(LifecyclePreview preview) {
        this.preview = preview;
    }

    @GetMapping
    String show(@RequestParam(defaultValue = "30") int days, Model model) {
        int window = Math.min(Math.max(days, 1), MAX_DAYS);
        model.addAttribute("days", window);
        model.addAttribute("preview", preview.nextDays(window));
        return "admin/preview";
    }
}
