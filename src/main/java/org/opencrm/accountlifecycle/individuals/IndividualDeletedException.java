package org.opencrm.accountlifecycle.individuals;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The individual was deleted: the account can no longer be used, nor deleted a second time. */
public class IndividualDeletedException extends ApiProblem {

    public IndividualDeletedException(String individualId) {
        super(HttpStatus.CONFLICT, "Individual '" + individualId + "' is deleted; the account can no longer be used");
    }
}
