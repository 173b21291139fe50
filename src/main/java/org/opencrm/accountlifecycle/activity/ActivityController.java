package org.opencrm.accountlifecycle.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.opencrm.accountlifecycle.web.CrmId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Activity events reported by the portal. Sending the same event twice is harmless: the countdown restarts from the
 * same moment, and stays one countdown.
 */
@RestController
@RequestMapping("/api/activity")
class ActivityController {

    private final ActivityService activity;

    ActivityController(ActivityService activity) {
        this.activity = activity;
    }

    @PostMapping("/logins")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void login(@Valid @RequestBody LoginEvent event) {
        activity.recordLogin(event.individualId());
    }

    /** The applicant updated the dossier on the portal. */
    @PostMapping("/dossiers")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dossierUpdated(@Valid @RequestBody DossierEvent event) {
        activity.updateDossier(event.dossierId());
    }

    record LoginEvent(@NotNull @CrmId String individualId) {}

    record DossierEvent(@NotNull @CrmId String dossierId) {}
}
