package org.opencrm.accountlifecycle.lifecycle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/preview")
class PreviewController {

    private final LifecyclePreview preview;

    PreviewController(LifecyclePreview preview) {
        this.preview = preview;
    }

    /** Who will be warned and who deleted in the next {@code days} days (up to ten years). */
    @GetMapping
    LifecyclePreview.Preview nextDays(@RequestParam @Min(1) @Max(3650) int days) {
        return preview.nextDays(days);
    }
}
