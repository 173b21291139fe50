package org.opencrm.accountlifecycle.dossiers;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** No dossier with that id. */
public class DossierNotFoundException extends ApiProblem {

    public DossierNotFoundException(String dossierId) {
        super(HttpStatus.NOT_FOUND, "No dossier with id '" + dossierId + "'");
    }

    /** @param field the request body's field that named the dossier */
    public DossierNotFoundException(String dossierId, String field) {
        super(HttpStatus.NOT_FOUND, field, field + ": no dossier with id '" + dossierId + "'");
    }
}
