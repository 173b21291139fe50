package org.opencrm.accountlifecycle.individuals;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The individual was deleted: the account can no longer be used, nor deleted a second time. */
public class IndividualDeletedException extends ApiProblem {

    public IndividualDeletedException(String individualId) {
        super(HttpStatus.CONFLICT, "Individual '" + individualId + "' is deleted; the account can no longer be used");
    }

    /** @param field the request body's field that named the individual */
    public IndividualDeletedException(String individualId, String field) {
        super(
                HttpStatus.CONFLICT,
                field,
                field + ": individual '" + individualId + "' is deleted; the account can no longer be used");
    }
}
