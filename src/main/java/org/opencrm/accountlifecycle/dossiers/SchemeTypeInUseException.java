package org.opencrm.accountlifecycle.dossiers;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The dossiers of a scheme carry a profile of its type, so the type stays while the scheme has dossiers. */
class SchemeTypeInUseException extends ApiProblem {

    SchemeTypeInUseException(String schemeId, long dossiers) {
        super(
                HttpStatus.CONFLICT,
                "profileType",
                "The profile type of scheme '" + schemeId + "' cannot change: it has " + dossiers + " dossier(s)");
    }
}
