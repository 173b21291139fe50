package org.opencrm.accountlifecycle.individuals;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** No individual with that id, or one the CRM no longer shows (deleted, Anonymous). */
public class IndividualNotFoundException extends ApiProblem {

    public IndividualNotFoundException(String individualId) {
        super(HttpStatus.NOT_FOUND, "No individual with id '" + individualId + "'");
    }

    /** @param field the request body's field that named the individual */
    public IndividualNotFoundException(String individualId, String field) {
        super(HttpStatus.NOT_FOUND, field, field + ": no individual with id '" + individualId + "'");
    }
}
