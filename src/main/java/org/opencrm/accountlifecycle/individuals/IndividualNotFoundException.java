package org.opencrm.accountlifecycle.individuals;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** No individual with that id, or one the CRM no longer shows (deleted, Anonymous). */
public class IndividualNotFoundException extends ApiProblem {

    public IndividualNotFoundException(String individualId) {
        super(HttpStatus.NOT_FOUND, "No individual with id '" + individualId + "'");
    }
}
