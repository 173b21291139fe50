package org.opencrm.accountlifecycle.profiles;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** No profile with that id, or an Anonymous one, which the CRM does not show. */
class ProfileNotFoundException extends ApiProblem {

    ProfileNotFoundException(String profileId) {
        super(HttpStatus.NOT_FOUND, "No profile with id '" + profileId + "'");
    }
}
