package org.opencrm.accountlifecycle.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.opencrm.accountlifecycle.dossiers.Dossier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Activity reported by the portal and the CRM. */
@RestController
@RequestMapping("/api")
class ActivityController {

    private final ActivityService activity;

    ActivityController(ActivityService activity) {
        this.activity = activity;
    }

    @PostMapping("/activity/logins")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void login(@Valid @RequestBody LoginEvent event) {
        activity.recordLogin(event.individualId());
    }

    @PostMapping("/dossiers")
    @ResponseStatus(HttpStatus.CREATED)
    Dossier file(@Valid @RequestBody DossierRequest request) {
        return activity.fileDossier(new ActivityService.NewDossier(
                request.id(), request.schemeId(), request.applicantId(), request.beneficiaryId(), request.profileId()));
    }

    @PostMapping("/dossiers/{dossierId}/updates")
    Dossier update(@PathVariable String dossierId) {
        return activity.updateDossier(dossierId);
    }

    record LoginEvent(@NotBlank @Size(max = 64) String individualId) {}

    record DossierRequest(
            @Size(max = 64) String id,
            @NotBlank @Size(max = 64) String schemeId,
            @NotBlank @Size(max = 64) String applicantId,
            @NotBlank @Size(max = 64) String beneficiaryId,
            @Size(max = 64) String profileId) {}
}
