package org.opencrm.accountlifecycle.registry;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A registry filter that cannot be read; the answer names the query parameter. */
class InvalidFilterException extends ApiProblem {

    InvalidFilterException(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, parameter, detail);
    }
}
