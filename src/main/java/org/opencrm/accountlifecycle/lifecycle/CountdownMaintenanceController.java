package org.opencrm.accountlifecycle.lifecycle;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How far the countdowns have followed the last change of settings (administrators, with the settings). */
@RestController
class CountdownMaintenanceController {

    private final CountdownMaintenance maintenance;

    CountdownMaintenanceController(CountdownMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @GetMapping("/api/settings/follow-up")
    CountdownMaintenance.Progress followUp() {
        return maintenance.progress();
    }
}
