package org.opencrm.accountlifecycle.web;

import org.springframework.http.HttpStatus;

/** A create with an id that is already taken, by active or deleted data alike. */
public class DuplicateIdException extends ApiProblem {

    /** @param kind what was to be created, as the caller reads it: "individual", "profile", ... */
    public DuplicateIdException(String kind, String id) {
        super(HttpStatus.CONFLICT, "id", "The " + kind + " id '" + id + "' is already taken");
    }
}
