package org.opencrm.accountlifecycle.settings;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings")
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    LifecycleSettings read() {
        return settings.current();
    }

    @PutMapping
    SettingsService.SettingsUpdate change(@Valid @RequestBody SettingsChange change) {
        return settings.update(change);
    }
}
