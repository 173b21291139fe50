package org.opencrm.accountlifecycle.activity;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The dossier's applicant was deleted and replaced by the Anonymous individual: nobody can be active on it. */
class DossierOfDeletedApplicantException extends ApiProblem {

    DossierOfDeletedApplicantException(String dossierId) {
        super(
                HttpStatus.CONFLICT,
                "The applicant of dossier '" + dossierId + "' is deleted; the dossier is kept anonymised, unchanged");
    }
}
