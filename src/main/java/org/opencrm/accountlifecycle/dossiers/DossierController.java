package org.opencrm.accountlifecycle.dossiers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opencrm.accountlifecycle.activity.ActivityService;
import org.opencrm.accountlifecycle.profiles.ProfileType;
import org.opencrm.accountlifecycle.web.CrmId;
import org.opencrm.accountlifecycle.web.PageQuery;
import org.opencrm.accountlifecycle.web.Paged;
import org.opencrm.accountlifecycle.web.SingleLine;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schemes and their dossiers, for the CRM. Filing or changing a dossier is activity of its applicant, so those go
 * through {@link ActivityService}.
 */
@RestController
@RequestMapping("/api")
class DossierController {

    private final SchemeService schemes;
    private final DossierRepository dossiers;
    private final ActivityService activity;

    DossierController(SchemeService schemes, DossierRepository dossiers, ActivityService activity) {
        this.schemes = schemes;
        this.dossiers = dossiers;
        this.activity = activity;
    }

    @PostMapping("/schemes")
    @ResponseStatus(HttpStatus.CREATED)
    Scheme createScheme(@Valid @RequestBody NewScheme request) {
        return schemes.create(request.id(), request.name(), request.profileType());
    }

    @GetMapping("/schemes/{id}")
    Scheme readScheme(@PathVariable String id) {
        return schemes.find(id);
    }

    @PutMapping("/schemes/{id}")
    Scheme changeScheme(@PathVariable String id, @Valid @RequestBody SchemeChange change) {
        return schemes.change(id, change.name(), change.profileType());
    }

    /** In id order. */
    @GetMapping("/schemes")
    Paged<Scheme> listSchemes(@Valid PageQuery page) {
        return schemes.list(page);
    }

    @PostMapping("/dossiers")
    @ResponseStatus(HttpStatus.CREATED)
    Dossier file(@Valid @RequestBody NewDossier request) {
        return activity.fileDossier(new ActivityService.NewDossier(
                request.id(), request.schemeId(), request.applicantId(), request.beneficiaryId(), request.profileId()));
    }

    @GetMapping("/dossiers/{id}")
    Dossier readDossier(@PathVariable String id) {
        return dossiers.findById(id).orElseThrow(() -> new DossierNotFoundException(id));
    }

    @PutMapping("/dossiers/{id}")
    Dossier changeDossier(@PathVariable String id, @Valid @RequestBody DossierChange change) {
        return activity.changeDossier(
                id, new ActivityService.DossierChange(change.schemeId(), change.beneficiaryId(), change.profileId()));
    }

    /** In id order, anonymised dossiers included: they are kept for statistics. */
    @GetMapping("/dossiers")
    Paged<Dossier> listDossiers(@Valid PageQuery page) {
        return page.answer(dossiers.count(), dossiers.findPage(page.size(), page.offset()));
    }

    /** @param profileType the type of profile the scheme's dossiers carry; absent when they carry none */
    record NewScheme(
            @CrmId String id,
            @NotBlank @Size(max = 200) @SingleLine String name,
            @ProfileType String profileType) {}

    record SchemeChange(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @ProfileType String profileType) {}

    record NewDossier(
            @CrmId String id,
            @NotNull @CrmId String schemeId,
            @NotNull @CrmId String applicantId,
            @NotNull @CrmId String beneficiaryId,
            @CrmId String profileId) {}

    record DossierChange(
            @NotNull @CrmId String schemeId,
            @NotNull @CrmId String beneficiaryId,
            @CrmId String profileId) {}
}
