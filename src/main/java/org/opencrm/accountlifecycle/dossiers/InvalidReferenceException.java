package org.opencrm.accountlifecycle.dossiers;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A field of a dossier names a scheme, individual or profile that does not exist, is not active, or does not fit. */
class InvalidReferenceException extends ApiProblem {

    InvalidReferenceException(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, field, field + ": " + reason);
    }
}
