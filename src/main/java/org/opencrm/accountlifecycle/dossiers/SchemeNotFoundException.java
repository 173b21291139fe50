package org.opencrm.accountlifecycle.dossiers;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

class SchemeNotFoundException extends ApiProblem {

    SchemeNotFoundException(String schemeId) {
        super(HttpStatus.NOT_FOUND, "No scheme with id '" + schemeId + "'");
    }
}
