package org.opencrm.accountlifecycle.deletion;

import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An agent asked to delete an individual that is deleted already; the first deletion stands. */
class AlreadyDeletedException extends ApiProblem {

    AlreadyDeletedException(Individual individual) {
        super(
                HttpStatus.CONFLICT,
                "individualId",
                "Individual '" + individual.id() + "' was already deleted at " + individual.deletedAt()
                        + "; nothing was changed");
    }
}
