package org.opencrm.accountlifecycle.deletion;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The Anonymous individual stands in for deleted people in dossiers and can never be deleted. A conflict rather than
 * "not found": the id exists (agents see it in anonymised dossiers), and the answer should say why it is refused.
 */
class AnonymousIndividualException extends ApiProblem {

    AnonymousIndividualException(String individualId) {
        super(
                HttpStatus.CONFLICT,
                "Individual '" + individualId + "' is the Anonymous individual, which stands in for deleted people in"
                        + " dossiers; it cannot be deleted");
    }
}
