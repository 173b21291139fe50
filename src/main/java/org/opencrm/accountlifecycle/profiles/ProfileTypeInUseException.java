package org.opencrm.accountlifecycle.profiles;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A dossier carries a profile of the type its scheme requires, so the type of a profile on a dossier stays. */
class ProfileTypeInUseException extends ApiProblem {

    ProfileTypeInUseException(String profileId, long dossiers) {
        super(
                HttpStatus.CONFLICT,
                "profileType",
                "The type of profile '" + profileId + "' cannot change: " + dossiers + " dossier(s) carry it");
    }
}
