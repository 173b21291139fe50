package org.opencrm.accountlifecycle.activity;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

public class DossierNotFoundException extends ApiProblem {

    public DossierNotFoundException(String dossierId) {
        super(HttpStatus.NOT_FOUND, "No dossier with id '" + dossierId + "'");
    }
}
